using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The broker's extensions as launched, and its table of channels across a channel set up anew (VC-10).</summary>
public class DcvBrokerTests
{
    [Test]
    public async Task Starts_an_extension_in_the_working_directory_and_environment_given_with_its_input_through_the_filter()
    {
        using var manifest = new ManifestFolder("placed", "conformance");
        var elsewhere = Directory.CreateTempSubdirectory("dcv-work-");
        try
        {
            File.WriteAllText(Path.Combine(elsewhere.FullName, "marker"), "");
            Stream? filtered = null;
            await using var broker = new DcvBroker();

            // It exits 7 only where the launch placed it, with what the launch gave it.
            var extension = await broker.StartExtensionAsync(new ExtensionLaunch(
                manifest.ManifestPath,
                Command: ["/bin/sh", "-c", "[ -f marker ] && [ \"$MARK\" = here ] && exit 7; exit 9"],
                Environment: new Dictionary<string, string?> { ["MARK"] = "here" },
                WorkingDirectory: elsewhere.FullName,
                InputFilter: input => filtered = input));

            Assert.That(await extension.Process.Exited.WaitAsync(ScriptedParty.Bound), Is.EqualTo(7));
            Assert.That(filtered, Is.SameAs(extension.Process.StandardInput), "the broker's writes go through the filter");
            await extension.DisposeAsync();
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Test]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Starts_the_program_its_manifest_names_in_the_manifest_s_folder_when_no_command_is_given()
    {
        using var manifest = new ManifestFolder("by-path", "conformance", path: "extension.sh");
        var program = Path.Combine(manifest.Folder, "extension.sh");
        File.WriteAllText(program, "#!/bin/sh\n[ -f manifest.json ] && exit 7\nexit 9\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var broker = new DcvBroker();

        var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath));

        Assert.That(await extension.Process.Exited.WaitAsync(ScriptedParty.Bound), Is.EqualTo(7));
        Assert.That((extension.Session.Party.Name, extension.Manifest.Name), Is.EqualTo(("by-path", "by-path")));
        await extension.DisposeAsync();
    }

    [Test]
    public async Task Keeps_a_channel_set_up_anew_when_the_relay_of_the_channel_it_replaced_ends()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var oldExtensionRelay = await extension.SetupAndConnectAsync("echo");
        await using var oldRemoteRelay = await remote.SetupAndConnectAsync("echo");
        await extension.NextEventAsync();
        await remote.NextEventAsync();

        // The new setup ends the old channel's relay, whose end then tries to tear down a channel of the same name.
        var again = await extension.SetupAsync("echo");
        Assert.That((await remote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(await RelayBytes.ReadToEndAsync(oldRemoteRelay), Is.Empty);
        await using var extensionRelay = await ScriptedParty.ConnectAsync(again.SetupVirtualChannelResponse);
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");

        Assert.That((await extension.NextEventAsync()).VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That((await remote.NextEventAsync()).VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
        await extensionRelay.WriteAsync("anew"u8.ToArray());
        Assert.That(await RelayBytes.ReadExactlyAsync(remoteRelay, 4), Is.EqualTo("anew"u8.ToArray()));
        Assert.That(broker.Channels.Select(channel => (channel.Name, channel.IsReady)), Is.EqualTo(new[] { ("echo", true) }));
        Assert.That(broker.Journal.OfType<ChannelClosed>().Select(closed => (closed.Party, closed.Channel, closed.Why)),
            Is.EqualTo(new[] { ("extension", "echo", "extension set it up anew (VC-10)") }), "the old relay's end closed nothing");
    }

    [Test]
    public async Task Waits_for_its_relays_to_stop_listening_before_it_is_disposed()
    {
        // The relay takes a while to notice that it was told to stop, as a busy one might.
        var listener = new FakeRelayListener(lingerAfterStop: TimeSpan.FromMilliseconds(300));
        var broker = new DcvBroker { OpenRelay = () => listener };
        await using var extension = ScriptedParty.Extension(broker);
        Assert.That((await extension.SetupAsync("echo")).Status, Is.EqualTo(Response.Types.Status.Success));
        await extension.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest());

        await broker.DisposeAsync().AsTask().WaitAsync(ScriptedParty.Bound);

        Assert.That(listener.Accepts, Is.EqualTo(1));
        Assert.That(listener.AcceptEnded, Is.True);
    }
}

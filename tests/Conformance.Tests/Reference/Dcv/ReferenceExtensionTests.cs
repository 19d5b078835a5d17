using Conformance.Dcv.Wire;
using Conformance.DcvExtensionSdk;
using Conformance.Processes;
using Conformance.Reference.Dcv;
using Conformance.Tests.DcvExtensionSdk;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The reference broker runs real extension processes, the reference extension first of all, end to end.</summary>
public class ReferenceExtensionTests
{
    private const string Namespace = "conformance-echo";

    [Test]
    public async Task The_reference_broker_runs_the_reference_extension_and_a_channel_carries_bytes_both_ways()
    {
        using var manifest = new ManifestFolder("reference-echo", Namespace);
        var broker = new DcvBroker();
        var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath, Command: ReferenceDcvExtensionCommand.Command()));
        await using var remote = ScriptedParty.Remote(broker, Namespace);

        await using var relay = await remote.SetupAndConnectAsync("echo");
        Assert.That((await remote.NextEventAsync()).VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
        var payload = RelayBytes.Random(256 * 1024);
        var echo = RelayBytes.ReadExactlyAsync(relay, payload.Length);
        await relay.WriteAsync(payload);

        // VC-12 end to end: out through the broker, echoed by the extension, back through the broker.
        Assert.That(await echo, Is.EqualTo(payload));
        var asked = broker.Journal.OfType<ControlMessageReceived>().Where(received => received.Party == "reference-echo").Select(received => received.Message.Request.RequestCase).ToList();
        Assert.That(asked, Is.EqualTo(new[] { Request.RequestOneofCase.GetDcvInfoRequest, Request.RequestOneofCase.GetManifestRequest, Request.RequestOneofCase.SetupVirtualChannelRequest }));
        var setup = broker.Journal.OfType<ControlMessageReceived>().Single(received => received.Message.Request.SetupVirtualChannelRequest is not null && received.Party == "reference-echo");
        Assert.That(setup.Message.Request.SetupVirtualChannelRequest.RelayClientProcessId, Is.EqualTo(extension.Process.ProcessId), "VC-15: it names itself");

        await broker.DisposeAsync();
        await AssertLeftNothingAsync(extension, broker);
        Assert.That(await extension.Process.Exited, Is.Zero, "it exits 0 once its control channel closes");
        Assert.That(extension.EndedForViolation, Is.False, "it kept to the protocol");
        Assert.That(extension.Process.StandardError.TotalBytes, Is.Zero, "VC-11: nothing on standard error");
    }

    [Test]
    public async Task The_reference_extension_survives_its_fifth_channel_being_refused_and_echoes_on_the_other_four()
    {
        using var manifest = new ManifestFolder("reference-echo", Namespace);
        var broker = new DcvBroker();
        var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath, Command: ReferenceDcvExtensionCommand.Command("--channels", "5")));
        await using var remote = ScriptedParty.Remote(broker, Namespace);

        var refused = await broker.Journal.WaitForAsync<SetupDecided>(decided => !decided.Decision.IsSuccess, ScriptedParty.Bound);
        Assert.That((refused!.Channel, refused.Decision.Status), Is.EqualTo(("echo-5", Status.ErrorTooManyVirtualChannels)));

        // VC-13: refused, it goes on: its four channels still echo.
        foreach (var name in new[] { "echo", "echo-2", "echo-3", "echo-4" })
        {
            await using var relay = await remote.SetupAndConnectAsync(name);
            await relay.WriteAsync("hello"u8.ToArray());
            Assert.That(await RelayBytes.ReadExactlyAsync(relay, 5), Is.EqualTo("hello"u8.ToArray()), name);
        }

        await broker.DisposeAsync();
        await AssertLeftNothingAsync(extension, broker);
        Assert.That(await extension.Process.Exited, Is.Zero);
        Assert.That(extension.Process.StandardError.TotalBytes, Is.Zero, "VC-11, VC-13: refused, and still nothing on standard error");
    }

    [Test]
    public async Task The_reference_extension_greets_through_a_channel_then_closes_it_and_the_remote_library_client_is_told()
    {
        using var manifest = new ManifestFolder("reference-greeter", Namespace);
        await using var broker = new DcvBroker();
        await using var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath, Command: ReferenceDcvExtensionCommand.Command("--greet", "hello, remote")));
        await using var remote = InProcessExtension.Attach(broker, GetDcvInfoResponse.Types.DcvRole.Client, Namespace, "remote-library");

        await using var channel = await remote.Client.OpenVirtualChannelAsync("echo").WaitAsync(ScriptedParty.Bound);
        var greeting = await RelayBytes.ReadExactlyAsync(channel.Relay, 13);
        await channel.Relay.WriteAsync(greeting);

        Assert.That(System.Text.Encoding.UTF8.GetString(greeting), Is.EqualTo("hello, remote"));
        await channel.ClosedByDcv.WaitAsync(ScriptedParty.Bound);
        var close = await broker.Journal.WaitForAsync<ControlMessageSent>(sent => sent.Message.Response?.CloseVirtualChannelResponse is not null, ScriptedParty.Bound);
        Assert.That(close, Is.Not.Null, string.Join("\n", broker.Journal.Entries));
        Assert.That((close!.Party, close.Message.Response.Status), Is.EqualTo(("reference-greeter", Status.Success)));
    }

    [Test]
    public async Task An_extension_that_floods_standard_output_with_text_is_ended_promptly_with_the_frame_it_broke()
    {
        using var manifest = new ManifestFolder("flood", Namespace);
        await using var broker = new DcvBroker();
        await using var remote = ScriptedParty.Remote(broker, Namespace);
        await using var bystander = await remote.SetupAndConnectAsync("unaffected");
        var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath, Command: ["/bin/sh", "-c", "exec yes"]));

        var end = await extension.Session.Ended.WaitAsync(ScriptedParty.Bound);
        await extension.Process.EndAsync().WaitAsync(ScriptedParty.Bound);
        Assert.That(extension.EndedForViolation, Is.True);

        // "y\ny\n" read as a little-endian length is 175,704,697 bytes: over the limit, refused from its header.
        Assert.That(end.Reason, Is.EqualTo(SessionEndReason.MalformedFrame));
        Assert.That(end.Description, Is.EqualTo("frame 1 at byte 0: the length header claims 175,704,697 bytes, above this receiver's limit of 16,777,216; none of them were read"));
        await AssertLeftNothingAsync(extension, broker: null);
        Assert.That((await remote.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest())).Status, Is.EqualTo(Status.Success), "the broker serves on");
        await extension.DisposeAsync();
    }

    [Test]
    public async Task An_extension_that_floods_requests_and_never_reads_is_ended_within_the_write_deadline()
    {
        using var manifest = new ManifestFolder("deaf", Namespace);
        var frame = Convert.ToHexString(Conformance.Dcv.Framing.ControlFraming.Encode(
            new ExtensionMessage { Request = new Request { RequestId = "again", GetDcvInfoRequest = new GetDcvInfoRequest() } }));
        var script = $"import sys\nframe = bytes.fromhex('{frame}') * 1000\nwhile True:\n    sys.stdout.buffer.write(frame)\n    sys.stdout.buffer.flush()\n";
        await using var broker = new DcvBroker(DcvBrokerOptions.Default with { ControlWriteDeadline = TimeSpan.FromMilliseconds(500) });
        if (!File.Exists("/usr/bin/python3"))
        {
            Assert.Ignore("needs /usr/bin/python3");
        }

        var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath, Command: ["/usr/bin/python3", "-c", script]));

        var end = await extension.Session.Ended.WaitAsync(ScriptedParty.Bound);
        await extension.Process.EndAsync().WaitAsync(ScriptedParty.Bound);

        Assert.That(end.Reason, Is.EqualTo(SessionEndReason.StoppedReading));
        Assert.That(end.Description, Does.Contain("deaf did not read its control channel for 0.5 s"));
        await AssertLeftNothingAsync(extension, broker: null);
        await extension.DisposeAsync();
    }

    // No process of the extension's tree is left, and, once the broker is disposed, none of its relay sockets.
    private static async Task AssertLeftNothingAsync(ExtensionProcess extension, DcvBroker? broker)
    {
        await extension.Process.EndAsync().WaitAsync(ScriptedParty.Bound);
        var alive = extension.Process.Tree.Seen.Where(seen => ProcessTable.TryRead(seen.ProcessId) is { IsZombie: false } now && now.StartTime == seen.StartTime);
        Assert.That(alive, Is.Empty);
        if (broker is not null && OperatingSystem.IsLinux())
        {
            var relays = broker.Journal.OfType<ControlMessageSent>()
                .Select(sent => sent.Message.Response?.SetupVirtualChannelResponse?.RelayPath).OfType<string>().ToList();
            var sockets = File.ReadAllText("/proc/net/unix");
            Assert.That(relays, Is.Not.Empty);
            Assert.That(relays.Where(relay => sockets.Contains("@" + relay, StringComparison.Ordinal)), Is.Empty);
        }
    }
}

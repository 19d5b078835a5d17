using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The broker's answers: VC-02, VC-03, VC-07, VC-08, VC-17.</summary>
public class DcvBrokerRequestTests
{
    [Test]
    public async Task Answers_get_dcv_info_with_the_party_s_side_and_its_own_process()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);

        var server = await extension.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest());
        var client = await remote.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest());

        Assert.That(server.Status, Is.EqualTo(Status.Success));
        Assert.That(server.GetDcvInfoResponse.DcvRole, Is.EqualTo(GetDcvInfoResponse.Types.DcvRole.Server));
        Assert.That(client.GetDcvInfoResponse.DcvRole, Is.EqualTo(GetDcvInfoResponse.Types.DcvRole.Client));
        Assert.That(server.GetDcvInfoResponse.DcvProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(server.GetDcvInfoResponse.ServerInfo.Hostname, Is.EqualTo(Environment.MachineName));
    }

    [Test]
    public async Task Answers_get_manifest_with_the_manifest_path_or_an_error_when_there_is_none()
    {
        await using var broker = new DcvBroker();
        await using var withManifest = ScriptedParty.Extension(broker, manifestPath: "/srv/ext/manifest.json");
        await using var without = ScriptedParty.Extension(broker, "bare", manifestPath: null);

        var found = await withManifest.RequestAsync(request => request.GetManifestRequest = new GetManifestRequest());
        var missing = await without.RequestAsync(request => request.GetManifestRequest = new GetManifestRequest());

        Assert.That((found.Status, found.GetManifestResponse.ManifestPath), Is.EqualTo((Status.Success, "/srv/ext/manifest.json")));
        Assert.That(missing.Status, Is.EqualTo(Status.ErrorGeneric));
    }

    [Test]
    public async Task Sets_a_channel_up_with_a_bare_abstract_relay_name_its_own_pid_and_a_fresh_token()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);

        var first = await extension.SetupAsync("echo");
        var second = await extension.SetupAsync("other");

        // VC-03: SUCCESS, the name echoed, the relay served by this process.
        var setup = first.SetupVirtualChannelResponse;
        Assert.That(first.Status, Is.EqualTo(Status.Success));
        Assert.That(setup.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(setup.RelayServerProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(setup.VirtualChannelAuthToken.Length, Is.EqualTo(32));
        Assert.That(second.SetupVirtualChannelResponse.VirtualChannelAuthToken, Is.Not.EqualTo(setup.VirtualChannelAuthToken));
        if (OperatingSystem.IsLinux())
        {
            // The bare abstract name: no leading NUL, no '@', no path; the kernel lists it with '@'.
            Assert.That(setup.RelayPath, Does.Match("^[A-Za-z0-9_-]+$"));
            Assert.That(File.ReadAllText("/proc/net/unix"), Does.Contain("@" + setup.RelayPath));
        }
    }

    [TestCase(typeof(IOException))]
    [TestCase(typeof(System.Net.Sockets.SocketException))]
    [TestCase(typeof(UnauthorizedAccessException))]
    public async Task Answers_a_setup_whose_relay_cannot_be_opened_with_a_generic_error_and_serves_on(Type failure)
    {
        var exception = failure == typeof(System.Net.Sockets.SocketException)
            ? new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.AddressAlreadyInUse)
            : (Exception)Activator.CreateInstance(failure, "no room for a relay")!;
        await using var broker = new DcvBroker { OpenRelay = () => throw exception };
        await using var extension = ScriptedParty.Extension(broker);

        var response = await extension.SetupAsync("echo");

        Assert.That(response.Status, Is.EqualTo(Status.ErrorGeneric));
        Assert.That(broker.Channels, Is.Empty);
        Assert.That(broker.Journal.OfType<SetupDecided>().Single().Decision.Reason, Is.EqualTo($"the relay could not be opened: {exception.Message}"));
        Assert.That((await extension.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest())).Status, Is.EqualTo(Status.Success));
    }

    [TestCase("dcv")]
    [TestCase("DCV")]
    [TestCase("")]
    [TestCase(null)]
    public async Task Refuses_the_reserved_or_a_missing_namespace(string? @namespace)
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker, @namespace: @namespace);

        var response = await extension.SetupAsync("echo");

        // VC-08: the namespace comes from the manifest; dcv is DCV's own.
        Assert.That(response.Status, Is.EqualTo(Status.ErrorInvalidVirtualChannelNamespaceInManifest));
        Assert.That(response.ResponseCase, Is.EqualTo(Response.ResponseOneofCase.None));
        Assert.That(broker.Channels, Is.Empty);
    }

    [Test]
    public async Task Refuses_a_fifth_channel_established_or_pending_and_allows_one_again_after_a_close()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var established = await extension.SetupAndConnectAsync("c1");
        await using var peer = await remote.SetupAndConnectAsync("c1");
        Assert.That((await extension.NextEventAsync()).VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("c1"));

        var pending = new[] { await extension.SetupAsync("c2"), await extension.SetupAsync("c3"), await extension.SetupAsync("c4") };
        var fifth = await extension.SetupAsync("c5");
        var again = await extension.SetupAsync("c2");
        var remoteStillFree = await remote.SetupAsync("c5");

        // VC-07: four per extension, established (c1) or pending (c2..c4); setting one up anew adds none.
        Assert.That(pending.Select(response => response.Status), Is.All.EqualTo(Status.Success));
        Assert.That(fifth.Status, Is.EqualTo(Status.ErrorTooManyVirtualChannels));
        Assert.That(again.Status, Is.EqualTo(Status.Success));
        Assert.That(remoteStillFree.Status, Is.EqualTo(Status.Success), "the limit is per extension");
        Assert.That((await extension.CloseAsync("c3")).Status, Is.EqualTo(Status.Success));
        Assert.That((await extension.SetupAsync("c5")).Status, Is.EqualTo(Status.Success));
        Assert.That(broker.Journal.OfType<SetupDecided>().Single(decided => decided.Decision.Status == Status.ErrorTooManyVirtualChannels).Decision.Reason,
            Does.Contain("holds 4 channels"));
    }

    [Test]
    public async Task Refuses_a_setup_without_a_name_or_with_no_process_id()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);

        Assert.That((await extension.SetupAsync("")).Status, Is.EqualTo(Status.ErrorInvalidParameter));
        Assert.That((await extension.SetupAsync("echo", 0)).Status, Is.EqualTo(Status.ErrorInvalidParameter));
        Assert.That((await extension.SetupAsync("echo", -5)).Status, Is.EqualTo(Status.ErrorInvalidParameter));
    }

    [Test]
    public async Task Refuses_a_channel_another_extension_holds_on_the_same_side()
    {
        await using var broker = new DcvBroker();
        await using var first = ScriptedParty.Extension(broker, "first");
        await using var second = ScriptedParty.Extension(broker, "second");

        Assert.That((await first.SetupAsync("echo")).Status, Is.EqualTo(Status.Success));
        Assert.That((await second.SetupAsync("echo")).Status, Is.EqualTo(Status.ErrorAccessDenied));
    }

    [Test]
    public async Task Answers_streaming_view_cursor_and_unknown_requests_not_implemented()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);

        var responses = new[]
        {
            await extension.RequestAsync(request => request.SetCursorPointRequest = new SetCursorPointRequest { Point = new Point { X = 1, Y = 2 } }),
            await extension.RequestAsync(request => request.GetStreamingViewsRequest = new GetStreamingViewsRequest()),
            await extension.RequestAsync(request => request.IsPointInsideStreamingViewsRequest = new IsPointInsideStreamingViewsRequest { Point = new Point() }),
            await extension.RequestAsync(_ => { }),
        };

        // VC-17, and VC-02 (the ids are checked by the scripted party).
        Assert.That(responses.Select(response => response.Status), Is.All.EqualTo(Status.ErrorNotImplemented));
        Assert.That((await extension.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest())).Status, Is.EqualTo(Status.Success), "the session goes on");
    }

    [Test]
    public void Decides_a_setup_by_namespace_then_fields_then_the_limit()
    {
        var request = new SetupVirtualChannelRequest { VirtualChannelName = "", RelayClientProcessId = 0 };
        var options = DcvBrokerOptions.Default with { MaxChannelsPerExtension = 2 };

        Assert.That(VirtualChannelRules.DecideSetup("dcv", request, 9, false, true, options).Status, Is.EqualTo(Status.ErrorInvalidVirtualChannelNamespaceInManifest));
        Assert.That(VirtualChannelRules.DecideSetup("ns", request, 9, false, true, options).Status, Is.EqualTo(Status.ErrorInvalidParameter));
        request.VirtualChannelName = "c";
        request.RelayClientProcessId = 42;
        Assert.That(VirtualChannelRules.DecideSetup("ns", request, 2, holdsThisChannel: false, heldByAnotherParty: false, options).Status, Is.EqualTo(Status.ErrorTooManyVirtualChannels));
        Assert.That(VirtualChannelRules.DecideSetup("ns", request, 2, holdsThisChannel: true, heldByAnotherParty: false, options).IsSuccess);
        Assert.That(VirtualChannelRules.DecideSetup("ns", request, 1, holdsThisChannel: false, heldByAnotherParty: false, options).IsSuccess);
    }
}

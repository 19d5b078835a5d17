using Conformance.Dcv.Wire;
using Conformance.DcvExtensionSdk;
using Conformance.Reference.Dcv;
using Conformance.Tests.Reference.Dcv;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Tests.DcvExtensionSdk;

public class DcvExtensionClientTests
{
    [Test]
    public async Task Asks_for_info_and_the_manifest_with_responses_matched_by_id()
    {
        await using var broker = new DcvBroker();
        await using var extension = InProcessExtension.Attach(broker);

        var info = extension.Client.GetDcvInfoAsync();
        var manifest = extension.Client.GetManifestPathAsync();

        Assert.That((await info.WaitAsync(ScriptedParty.Bound)).DcvProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(await manifest.WaitAsync(ScriptedParty.Bound), Is.EqualTo("/opt/sdk/manifest.json"));
    }

    [Test]
    public async Task Opens_a_channel_naming_its_own_process_writing_only_the_token_before_ready_and_carries_bytes_both_ways()
    {
        await using var broker = new DcvBroker();
        await using var extension = InProcessExtension.Attach(broker);
        await using var remote = ScriptedParty.Remote(broker);

        var opening = extension.Client.OpenVirtualChannelAsync("echo");
        await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Admitted, ScriptedParty.Bound);
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await using var channel = await opening.WaitAsync(ScriptedParty.Bound);

        // VC-15: the setup named this process, the one that opened the relay; VC-04: nothing but the token before ready.
        var setup = broker.Journal.OfType<ControlMessageReceived>().First(received => received.Party == "sdk" && received.Message.Request.SetupVirtualChannelRequest is not null);
        Assert.That(setup.Message.Request.SetupVirtualChannelRequest.RelayClientProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(broker.Journal.OfType<RelayBytesBeforeReady>(), Is.Empty);

        await channel.Relay.WriteAsync("ping"u8.ToArray());
        Assert.That(await RelayBytes.ReadExactlyAsync(remoteRelay, 4), Is.EqualTo("ping"u8.ToArray()));
        await remoteRelay.WriteAsync("pong"u8.ToArray());
        Assert.That(await RelayBytes.ReadExactlyAsync(channel.Relay, 4), Is.EqualTo("pong"u8.ToArray()));
    }

    [Test]
    public async Task Hands_the_relay_out_only_once_the_channel_is_ready_and_reports_a_close_that_comes_first()
    {
        await using var broker = new DcvBroker();
        await using var extension = InProcessExtension.Attach(broker);
        await using var remote = ScriptedParty.Remote(broker);

        await using var first = await extension.Client.BeginOpenVirtualChannelAsync("first");
        await using var second = await extension.Client.BeginOpenVirtualChannelAsync("second");
        var waiting = first.WaitUntilReadyAsync();
        await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Channel == "first" && judged.Verdict.Admitted, ScriptedParty.Bound);

        // VC-04 by construction: a pending channel has no relay to write to; it is handed out with the ready event.
        Assert.That(waiting.IsCompleted, Is.False);
        await using var remoteRelay = await remote.SetupAndConnectAsync("first");
        await using var channel = await waiting.WaitAsync(ScriptedParty.Bound);
        Assert.That(channel.Name, Is.EqualTo("first"));

        // A channel DCV closes before it is ready (here the remote party closes it) is reported, not handed out.
        await remote.SetupAsync("second");
        var closedBeforeReady = second.WaitUntilReadyAsync();
        await remote.CloseAsync("second");
        Assert.That(async () => await closedBeforeReady.WaitAsync(ScriptedParty.Bound), Throws.InstanceOf<DcvRequestException>().With.Message.Contains("before it was ready"));
    }

    [Test]
    public async Task Reports_a_refused_setup_with_its_status_and_goes_on()
    {
        await using var broker = new DcvBroker(DcvBrokerOptions.Default with { MaxChannelsPerExtension = 1 });
        await using var extension = InProcessExtension.Attach(broker);
        await extension.Client.SetupVirtualChannelAsync("first", Environment.ProcessId);

        var refused = Assert.ThrowsAsync<DcvRequestException>(() => extension.Client.OpenVirtualChannelAsync("second"));

        Assert.That(refused!.Status, Is.EqualTo(Status.ErrorTooManyVirtualChannels));
        Assert.That((await extension.Client.GetDcvInfoAsync()).DcvRole, Is.EqualTo(GetDcvInfoResponse.Types.DcvRole.Server));
    }

    [Test]
    public async Task Closes_a_channel_and_the_other_party_is_told_and_sees_it_closed_when_the_other_party_closes()
    {
        await using var broker = new DcvBroker();
        await using var server = InProcessExtension.Attach(broker);
        await using var client = InProcessExtension.Attach(broker, GetDcvInfoResponse.Types.DcvRole.Client, name: "sdk-client");
        var opening = new[] { server.Client.OpenVirtualChannelAsync("a"), client.Client.OpenVirtualChannelAsync("a") };
        var channels = await Task.WhenAll(opening).WaitAsync(ScriptedParty.Bound);

        await channels[0].CloseAsync();

        // VC-09, seen from the library: the other side's channel reports the close.
        await channels[1].ClosedByDcv.WaitAsync(ScriptedParty.Bound);
        await channels[1].CloseAsync();
        Assert.That(broker.Channels, Is.Empty);
    }

    [Test]
    public async Task Completes_when_DCV_closes_the_control_channel_and_fails_requests_after_it()
    {
        await using var broker = new DcvBroker();
        await using var extension = InProcessExtension.Attach(broker);

        await extension.Session.StopAsync();

        await extension.Client.Completion.WaitAsync(ScriptedParty.Bound);
        Assert.That(() => extension.Client.GetDcvInfoAsync(), Throws.InstanceOf<DcvControlChannelException>());
    }

    [Test]
    public async Task Faults_its_completion_when_DCV_sends_a_malformed_frame()
    {
        var fromDcv = new System.IO.Pipelines.Pipe();
        var toDcv = new System.IO.Pipelines.Pipe();
        await using var client = new DcvExtensionClient(fromDcv.Reader, toDcv.Writer);

        await fromDcv.Writer.WriteAsync(new byte[] { 2, 0, 0, 0, 0x0F, 0x0F });

        var error = Assert.ThrowsAsync<DcvControlChannelException>(() => client.Completion.WaitAsync(ScriptedParty.Bound));
        Assert.That(error!.Message, Does.Contain("frame 1 at byte 0: the 2-byte payload is not a valid dcv.extensions.DcvMessage"));
    }

    [Test]
    public async Task A_request_made_as_the_control_channel_ends_fails_at_once_rather_than_waiting_out_its_time_out()
    {
        var options = new DcvExtensionClientOptions { ResponseTimeout = TimeSpan.FromHours(1) };
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var fromDcv = new System.IO.Pipelines.Pipe();
            var toDcv = new System.IO.Pipelines.Pipe();
            await using var client = new DcvExtensionClient(fromDcv.Reader, toDcv.Writer, options);

            var ending = Task.Run(() => fromDcv.Writer.Complete());
            var request = Task.Run(() => client.GetDcvInfoAsync());
            await ending;

            Assert.That(async () => await request.WaitAsync(ScriptedParty.Bound), Throws.InstanceOf<DcvControlChannelException>(), $"attempt {attempt}");
        }
    }
}

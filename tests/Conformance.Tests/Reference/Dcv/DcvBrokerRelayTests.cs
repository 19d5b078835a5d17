using Conformance.Dcv.Relays;
using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The broker's relays: VC-05, VC-06, VC-10 (refusals), VC-14 (the ready event), VC-12 (the bytes).</summary>
public class DcvBrokerRelayTests
{
    private static readonly DcvBrokerOptions QuickTokens = DcvBrokerOptions.Default with { TokenDeadline = TimeSpan.FromMilliseconds(500) };

    [Test]
    public async Task Sends_the_ready_event_to_both_parties_only_once_both_relays_are_authenticated()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);

        await using var extensionRelay = await extension.SetupAndConnectAsync("echo");
        var admitted = await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Admitted, ScriptedParty.Bound);
        var remoteSetup = await remote.SetupAsync("echo");

        // VC-14: one end authenticated and the other set up but not connected: not ready.
        Assert.That(admitted, Is.Not.Null);
        Assert.That(broker.Channels.Single().IsReady, Is.False);
        Assert.That(extension.HasEvent || remote.HasEvent, Is.False);

        await using var remoteRelay = await ScriptedParty.ConnectAsync(remoteSetup.SetupVirtualChannelResponse);
        var extensionReady = await extension.NextEventAsync();
        var remoteReady = await remote.NextEventAsync();

        Assert.That(extensionReady.VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(remoteReady.VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(broker.Channels.Single().IsReady);
        Assert.That(broker.Journal.OfType<RelayBytesBeforeReady>(), Is.Empty);
        Assert.That(broker.Journal.OfType<ChannelReady>().Select(ready => (ready.Party, ready.Channel)), Is.EqualTo(new[] { ("broker", "echo") }));
    }

    [Test]
    public async Task Relays_bytes_unchanged_and_in_order_both_ways_at_once()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var left = await extension.SetupAndConnectAsync("bulk");
        await using var right = await remote.SetupAndConnectAsync("bulk");
        await extension.NextEventAsync();
        await remote.NextEventAsync();
        var leftToRight = RelayBytes.Random(3 * 1024 * 1024 + 17);
        var rightToLeft = RelayBytes.Random(2 * 1024 * 1024 + 5);

        // VC-12: both directions at once, in uneven writes, so neither waits for the other.
        var (atRight, atLeft) = await RelayBytes.CarryBothWaysAsync(left, right, leftToRight, rightToLeft, WriteInPiecesAsync);

        Assert.That(atRight, Is.EqualTo(leftToRight));
        Assert.That(atLeft, Is.EqualTo(rightToLeft));
    }

    [Test]
    public async Task Refuses_a_relay_opened_by_another_process_than_the_setup_named_and_still_admits_the_named_one()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var stranger = await OtherProcess.StartAsync();
        var setup = (await extension.SetupAsync("echo", stranger.ProcessId)).SetupVirtualChannelResponse;
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");

        // VC-05: this test process is not the one named; it is closed having been sent no byte.
        await using var intruder = await ScriptedParty.ConnectExpectingRefusalAsync(setup);
        var refused = await broker.Journal.WaitForAsync<RelayJudged>(judged => !judged.Verdict.Admitted, ScriptedParty.Bound);

        Assert.That(await RelayBytes.ReadToEndAsync(intruder), Is.Empty);
        Assert.That(refused!.Verdict.Refusal, Is.EqualTo(RelayRefusal.WrongProcess));
        Assert.That(refused.Verdict.Description, Does.Contain($"process {Environment.ProcessId} opened the relay; the setup named process {stranger.ProcessId}"));
        Assert.That(broker.Channels.Single().IsReady, Is.False);

        // The named process, with the same token, is admitted: the channel becomes ready.
        Assert.That(await stranger.ConnectAsync(setup.RelayPath, setup.VirtualChannelAuthToken.ToByteArray()), Is.EqualTo("connected"));
        Assert.That((await extension.NextEventAsync()).VirtualChannelReadyEvent, Is.Not.Null);
    }

    [TestCase("garbage", RelayRefusal.WrongToken, "are not the setup's token")]
    [TestCase("short-then-close", RelayRefusal.ShortToken, "ended after 5 of the 32 token bytes")]
    [TestCase("short-then-silent", RelayRefusal.ShortToken, "5 of the 32 token bytes arrived within 0.5 s")]
    [TestCase("silent", RelayRefusal.NoToken, "no token byte arrived within 0.5 s")]
    [TestCase("close", RelayRefusal.NoToken, "ended before sending any token byte")]
    public async Task Refuses_a_wrong_or_missing_token_and_keeps_the_relay_open_for_the_right_one(string behaviour, RelayRefusal expected, string description)
    {
        await using var broker = new DcvBroker(QuickTokens);
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        var setup = (await extension.SetupAsync("echo")).SetupVirtualChannelResponse;
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        var token = setup.VirtualChannelAuthToken.ToByteArray();

        await using var bad = await Conformance.Dcv.Relays.RelayClient.ConnectAsync(setup.RelayPath);
        switch (behaviour)
        {
            case "garbage":
                await bad.WriteAsync(RelayBytes.Random(token.Length));
                break;
            case "short-then-close":
                await bad.WriteAsync(token.AsMemory(0, 5));
                await bad.FlushAsync();
                ((System.Net.Sockets.NetworkStream)bad).Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                break;
            case "short-then-silent":
                await bad.WriteAsync(token.AsMemory(0, 5));
                break;
            case "close":
                ((System.Net.Sockets.NetworkStream)bad).Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                break;
        }

        // VC-06: refused within the deadline (and a bound), having been sent no byte; no ready event follows.
        var refused = await broker.Journal.WaitForAsync<RelayJudged>(judged => !judged.Verdict.Admitted, ScriptedParty.Bound);
        Assert.That(await RelayBytes.ReadToEndAsync(bad), Is.Empty);
        Assert.That(refused!.Verdict.Refusal, Is.EqualTo(expected));
        Assert.That(refused.Verdict.Description, Does.Contain(description));
        Assert.That(broker.Channels.Single().IsReady, Is.False);

        // The broker keeps serving: the rightful client still gets in.
        await using var good = await ScriptedParty.ConnectAsync(setup);
        Assert.That((await extension.NextEventAsync()).VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
    }

    [Test]
    public async Task Lets_no_second_connection_in_with_a_token_already_used()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        var setup = (await extension.SetupAsync("echo")).SetupVirtualChannelResponse;
        await using var first = await ScriptedParty.ConnectAsync(setup);
        await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Admitted, ScriptedParty.Bound);

        // VC-10: single-use; once its client is in, the relay no longer listens, so the kernel refuses the connect.
        Assert.That(async () => await ScriptedParty.ConnectAsync(setup), Throws.InstanceOf<IOException>());
    }

    [Test]
    public async Task Refuses_a_connection_already_waiting_with_the_token_once_another_got_in()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        var setup = (await extension.SetupAsync("echo")).SetupVirtualChannelResponse;

        // Connected first, so accepted and being judged before the second connection is admitted and the relay stops listening.
        await using var waiting = await RelayClient.ConnectAsync(setup.RelayPath).WaitAsync(ScriptedParty.Bound);
        await using var first = await ScriptedParty.ConnectAsync(setup);
        await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Admitted, ScriptedParty.Bound);
        await waiting.WriteAsync(setup.VirtualChannelAuthToken.ToByteArray());
        await waiting.FlushAsync();

        // VC-10: the token is right, but spent.
        var refused = await broker.Journal.WaitForAsync<RelayJudged>(judged => !judged.Verdict.Admitted, ScriptedParty.Bound);
        Assert.That(refused?.Verdict.Refusal, Is.EqualTo(RelayRefusal.TokenSpent));
        Assert.That(refused?.Verdict.Description, Does.Contain("VC-10"));
        Assert.That(await RelayBytes.ReadToEndAsync(waiting), Is.Empty, "closed having been sent no byte");
    }

    [Test]
    public async Task Refuses_the_token_of_an_earlier_setup_after_the_channel_is_set_up_again()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        var earlier = (await extension.SetupAsync("echo")).SetupVirtualChannelResponse;
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        var again = (await extension.SetupAsync("echo")).SetupVirtualChannelResponse;

        // The remote party is told: its channel was torn down by the new setup.
        Assert.That((await remote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(again.RelayPath, Is.Not.EqualTo(earlier.RelayPath));
        Assert.That(async () => await ScriptedParty.ConnectAsync(earlier), Throws.InstanceOf<IOException>(), "the earlier relay is gone");

        await using var stale = await ScriptedParty.ConnectAsync(again, earlier.VirtualChannelAuthToken.ToByteArray());

        // The extension's relay only: the remote party's own relay may be judged after the new setup tore its channel down (TokenSpent).
        var refused = await broker.Journal.WaitForAsync<RelayJudged>(judged => !judged.Verdict.Admitted && judged.Party == extension.Session.Party.Name, ScriptedParty.Bound);

        Assert.That(await RelayBytes.ReadToEndAsync(stale), Is.Empty);
        Assert.That(refused!.Verdict.Refusal, Is.EqualTo(RelayRefusal.EarlierToken));
    }

    [Test]
    public async Task Refuses_a_re_spawned_process_that_reuses_the_old_token_and_admits_it_after_a_new_setup()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await using var daemon = await OtherProcess.StartAsync();
        var first = (await extension.SetupAsync("echo", daemon.ProcessId)).SetupVirtualChannelResponse;
        Assert.That(await daemon.ConnectAsync(first.RelayPath, first.VirtualChannelAuthToken.ToByteArray()), Is.EqualTo("connected"));
        Assert.That((await extension.NextEventAsync()).VirtualChannelReadyEvent, Is.Not.Null);

        // The daemon dies: its relay ends, so the channel closes for both parties.
        await daemon.DisposeAsync();
        Assert.That((await extension.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        await using var respawned = await OtherProcess.StartAsync();

        // VC-10: the re-spawned process with the old relay and token is refused: nothing listens there any more.
        Assert.That(await respawned.ConnectAsync(first.RelayPath, first.VirtualChannelAuthToken.ToByteArray()), Does.StartWith("refused"));

        // A new setup naming it, then the old token on the new relay: refused as an earlier setup's token.
        var second = (await extension.SetupAsync("echo", respawned.ProcessId)).SetupVirtualChannelResponse;
        Assert.That(await respawned.ConnectAsync(second.RelayPath, first.VirtualChannelAuthToken.ToByteArray()), Is.EqualTo("closed without a byte"));
        var refusal = await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Refusal == RelayRefusal.EarlierToken, ScriptedParty.Bound);
        Assert.That(refusal, Is.Not.Null);

        // With the new token it is admitted; once the remote party sets up again, both are ready.
        Assert.That(await respawned.ConnectAsync(second.RelayPath, second.VirtualChannelAuthToken.ToByteArray()), Is.EqualTo("connected"));
        await using var remoteAgain = await remote.SetupAndConnectAsync("echo");
        Assert.That((await extension.NextEventAsync()).VirtualChannelReadyEvent.VirtualChannelName, Is.EqualTo("echo"));
    }

    [Test]
    public async Task Notes_bytes_a_party_wrote_after_its_token_before_the_ready_event()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        var setup = (await extension.SetupAsync("echo")).SetupVirtualChannelResponse;
        await using var eager = await ScriptedParty.ConnectAsync(setup, [.. setup.VirtualChannelAuthToken.ToByteArray(), .. "too early"u8.ToArray()]);
        await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Admitted, ScriptedParty.Bound);

        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await extension.NextEventAsync();

        // VC-04 is the extension's rule; the broker records the evidence, and relays the bytes all the same.
        var early = await broker.Journal.WaitForAsync<RelayBytesBeforeReady>(_ => true, ScriptedParty.Bound);
        Assert.That((early!.Party, early.Bytes), Is.EqualTo(("extension", 9)));
        Assert.That(await RelayBytes.ReadExactlyAsync(remoteRelay, 9), Is.EqualTo("too early"u8.ToArray()));
    }

    private static async Task WriteInPiecesAsync(Stream stream, byte[] bytes)
    {
        var offset = 0;
        var piece = 1;
        while (offset < bytes.Length)
        {
            var size = Math.Min(piece, bytes.Length - offset);
            await stream.WriteAsync(bytes.AsMemory(offset, size));
            offset += size;
            piece = piece * 3 % 70_001 + 1;
        }

        await stream.FlushAsync();
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using Conformance.Dcv.Wire;
using Conformance.Engine.Bindings;
using Conformance.Engine.DcvVirtualChannels.Broker;
using Conformance.Engine.Running;
using Conformance.Reference.Dcv;

namespace Conformance.Engine.DcvVirtualChannels.Steps;

/// <summary>Relays: who opens them, with what first bytes, and what the broker made of it (VC-05, VC-06, VC-10, VC-12, VC-14, VC-16).</summary>
[Binding]
internal sealed class BrokerRelaySteps(BrokerScene scene, ScenarioContext context)
{
    private const int ChannelBytes = 1024 * 1024;
    private static readonly int[] Pieces = [1, 7, 1000, 65_539, 3, 4096];
    private List<RelayJudged> _judgedBefore = [];
    private Stream? _opened;
    private byte[]? _earlierToken;
    private (byte[] FromExtension, byte[] FromRemote, byte[]? AtRemote, byte[]? AtExtension)? _crossed;

    [Given("the remote party set up the channel \"([^\"]+)\" and opened its relay")]
    [When("the remote party sets up the channel \"([^\"]+)\" and opens its relay")]
    public Task RemoteSetsUpAndOpens(string channel) => SetUpAndOpenAsync(BrokerScene.Remote, channel);

    [When("the extension sets up the channel \"([^\"]+)\" and opens its relay")]
    public Task ExtensionSetsUpAndOpens(string channel) => SetUpAndOpenAsync(BrokerScene.Extension, channel);

    [When("\"([^\"]+)\" sets up the channel \"([^\"]+)\" and opens its relay")]
    public Task NamedSetsUpAndOpens(string party, string channel) => SetUpAndOpenAsync(party, channel);

    [When("the remote party opens its relay of \"([^\"]+)\"")]
    public Task RemoteOpens(string channel) => scene.ConnectAsync(BrokerScene.Remote, channel);

    [When("the extension opens its relay of \"([^\"]+)\" again with the right token")]
    public Task ExtensionOpensAgain(string channel) => scene.ConnectAsync(BrokerScene.Extension, channel);

    [When("the harness's own process opens the extension's relay of \"([^\"]+)\" with the right token")]
    public async Task OpensFromTheHarness(string channel)
    {
        Mark();
        _opened = await scene.ConnectAsync(BrokerScene.Extension, channel).ConfigureAwait(false);
        BrokerTranscript.Add(context, "relay-opened", ("party", BrokerScene.Extension), ("channel", channel), ("by", "the harness's process"), ("sent", "the right token"));
    }

    [When("the extension's relay of \"([^\"]+)\" is opened and sent (.+)")]
    public async Task OpensAndSends(string channel, string what)
    {
        var token = scene.SetupOf(BrokerScene.Extension, channel).VirtualChannelAuthToken.ToByteArray();
        var (bytes, thenEnd) = what switch
        {
            "garbage as long as a token" => (Garbage(token), false),
            "the token framed with an LE32 length" => ([.. BitConverter.GetBytes(token.Length), .. token], false),
            "7 token bytes, then the end" => (token[..7], true),
            "nothing, then the end" => ([], true),
            "nothing" => ([], false),
            "the token of the earlier setup" => (_earlierToken ?? throw new InvalidOperationException("No earlier setup's token was kept."), false),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, "not an input this step knows"),
        };
        Mark();
        BrokerTranscript.Add(context, "relay-opened", ("party", BrokerScene.Extension), ("channel", channel), ("sent", what));
        var scheduled = WatchForTimer();
        _opened = await scene.ConnectAsync(BrokerScene.Extension, channel, bytes).ConfigureAwait(false);
        if (thenEnd)
        {
            EndWriting(_opened);
        }

        if (scheduled is not null)
        {
            // On the manual clock the deadline runs from the broker's own accept: wait until it has set its timer.
            await scheduled.Task.WaitAsync(ControlParty.Bound).ConfigureAwait(false);
        }
    }

    [When("the extension sets up the channel \"([^\"]+)\" again")]
    public async Task SetsUpAgainKeepingTheToken(string channel)
    {
        // The earlier setup's token is kept to be offered later (VC-10); it is never shown.
        _earlierToken = scene.SetupOf(BrokerScene.Extension, channel).VirtualChannelAuthToken.ToByteArray();
        var response = await scene.SetupAsync(BrokerScene.Extension, channel).ConfigureAwait(false);
        context.Expect(response?.Status == Response.Types.Status.Success, $"the second setup of \"{channel}\" answered SUCCESS", () => response?.Status.ToString() ?? "no response");
    }

    [When("(\\d+) ms pass(?:es)? on the broker's clock")]
    public async Task Pass(int milliseconds)
    {
        await scene.AdvanceAsync(TimeSpan.FromMilliseconds(milliseconds)).ConfigureAwait(false);
        BrokerTranscript.Add(context, "clock-advanced", ("milliseconds", milliseconds));
    }

    [Then("the broker refused it as (\\w+), sending no byte")]
    public async Task Refused(string refusal)
    {
        var verdict = await JudgedAsync(ControlParty.Bound).ConfigureAwait(false);
        context.Expect(verdict is not null, $"the broker judged the connection within {ControlParty.Bound.TotalSeconds:0} s", () => "it did not");
        if (verdict is null)
        {
            return;
        }

        context.Expect(!verdict.Admitted && verdict.Refusal.ToString() == refusal, $"refused as {refusal}", () => verdict.Admitted ? "admitted" : $"refused as {verdict.Refusal}: {verdict.Description}");
        context.Note($"The broker: {verdict.Description}");
        BrokerTranscript.Add(context, "relay-judged", ("party", BrokerScene.Extension), ("refusal", verdict.Refusal?.ToString() ?? "admitted"));
        if (_opened is not null && !Ended(_opened))
        {
            var received = await ReadAfterRefusalAsync(_opened).ConfigureAwait(false);
            context.Expect(received == 0, "the connection closed without a byte", () => $"{received} bytes came back");
        }
    }

    [Then("the broker has not judged that connection yet")]
    public async Task NotYetJudged()
    {
        var verdict = await JudgedAsync(TimeSpan.Zero).ConfigureAwait(false);
        BrokerTranscript.Add(context, "relay-judged", ("party", BrokerScene.Extension), ("refusal", verdict?.Refusal?.ToString() ?? (verdict is null ? "not yet" : "admitted")));
        context.Expect(verdict is null, "no verdict before the deadline", () => $"{verdict!.Refusal}: {verdict.Description}");
    }

    [Then("neither got a ready event within (\\d+) ms")]
    public async Task NoReady(int milliseconds)
    {
        foreach (var party in scene.Parties)
        {
            var @event = await party.NextEventAsync(TimeSpan.FromMilliseconds(milliseconds)).ConfigureAwait(false);
            BrokerTranscript.Add(context, "waited-for-events", ("party", party.Name), ("milliseconds", milliseconds), ("event", @event?.EventCase.ToString() ?? "none"));
            context.Expect(@event?.VirtualChannelReadyEvent is null, $"no ready event to {party.Name}", () => $"{party.Name} got {@event}");
        }
    }

    [Then("both got a ready event for \"([^\"]+)\", each after its own setup response")]
    public async Task BothReady(string channel)
    {
        foreach (var name in new[] { BrokerScene.Extension, BrokerScene.Remote })
        {
            var party = scene.Party(name);
            var ready = await party.WaitUntilAsync(received => received.Any(message => message.Event?.VirtualChannelReadyEvent?.VirtualChannelName == channel), ControlParty.Bound).ConfigureAwait(false);
            context.Expect(ready, $"a ready event for \"{channel}\" to {name}", () => $"none within {ControlParty.Bound.TotalSeconds:0} s");
            BrokerTranscript.Add(context, "event", ("party", name), ("event", ready ? "VirtualChannelReadyEvent" : "none"), ("channel", channel));
            var received = party.Received;
            var readyAt = IndexOf(received, message => message.Event?.VirtualChannelReadyEvent?.VirtualChannelName == channel);
            var setupAt = LastIndexOf(received, message => message.Response?.SetupVirtualChannelResponse?.VirtualChannelName == channel);
            context.Expect(ready && setupAt >= 0 && readyAt > setupAt, $"{name}'s ready event after its setup response", () => $"setup response at message {setupAt + 1}, ready event at message {readyAt + 1}");
            context.Expect(received.Count(message => message.Event?.VirtualChannelReadyEvent?.VirtualChannelName == channel) <= 1, $"one ready event for \"{channel}\" to {name}", () => "more than one");
        }

        context.Expect(scene.Broker.Journal.OfType<RelayJudged>().Count(entry => entry.Channel == channel && entry.Verdict.Admitted) >= 2,
            "both relays connected and authenticated before the ready events", () => "fewer than two admitted relays");
    }

    [When("each party writes 1 MiB of random bytes into the channel in uneven pieces")]
    public async Task WriteBothWays()
    {
        var fromExtension = RandomNumberGenerator.GetBytes(ChannelBytes);
        var fromRemote = RandomNumberGenerator.GetBytes(ChannelBytes);
        var extension = scene.Relay(BrokerScene.Extension, "echo");
        var remote = scene.Relay(BrokerScene.Remote, "echo");
        var reading = Task.WhenAll(ReadUpToAsync(remote, ChannelBytes), ReadUpToAsync(extension, ChannelBytes));
        await Task.WhenAll(WriteInPiecesAsync(extension, fromExtension), WriteInPiecesAsync(remote, fromRemote)).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var read = await reading.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _crossed = (fromExtension, fromRemote, read[0], read[1]);
        BrokerTranscript.Add(context, "bytes-crossed", ("channel", "echo"), ("extensionWrote", ChannelBytes), ("remoteRead", read[0].Length), ("remoteWrote", ChannelBytes), ("extensionRead", read[1].Length));
    }

    [Then("each party read exactly the other's bytes, in order")]
    public void ReadExactly()
    {
        var (fromExtension, fromRemote, atRemote, atExtension) = _crossed ?? throw new InvalidOperationException("No bytes were written.");
        context.Expect(atRemote.AsSpan().SequenceEqual(fromExtension), "the remote party read the extension's 1,048,576 bytes unchanged and in order", () => Difference(fromExtension, atRemote));
        context.Expect(atExtension.AsSpan().SequenceEqual(fromRemote), "the extension read the remote party's 1,048,576 bytes unchanged and in order", () => Difference(fromRemote, atExtension));
    }

    private async Task SetUpAndOpenAsync(string party, string channel)
    {
        var response = await scene.SetupAsync(party, channel).ConfigureAwait(false);
        if (response is not { Status: Response.Types.Status.Success })
        {
            throw new InvalidOperationException($"{party}'s setup of \"{channel}\" was answered {response?.Status.ToString() ?? "never"}; the scenario needs it set up.");
        }

        await scene.ConnectAsync(party, channel).ConfigureAwait(false);
    }

    private void Mark() => _judgedBefore = Judged();

    private List<RelayJudged> Judged() => scene.Broker.Journal.OfType<RelayJudged>().Where(entry => entry.Party == BrokerScene.Extension).ToList();

    private async Task<RelayVerdict?> JudgedAsync(TimeSpan bound)
    {
        var before = _judgedBefore;
        var entry = await scene.Broker.Journal.WaitForAsync<RelayJudged>(
            judged => judged.Party == BrokerScene.Extension && !before.Any(earlier => ReferenceEquals(earlier, judged)), bound).ConfigureAwait(false);
        return entry?.Verdict;
    }

    private TaskCompletionSource? WatchForTimer()
    {
        if (scene.Clock is not { } clock)
        {
            return null;
        }

        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.TimerScheduled += () => scheduled.TrySetResult();
        return scheduled;
    }

    private static byte[] Garbage(byte[] token)
    {
        var garbage = RandomNumberGenerator.GetBytes(token.Length);
        garbage[0] = (byte)~token[0];
        return garbage;
    }

    private static void EndWriting(Stream relay)
    {
        if (relay is NetworkStream network)
        {
            network.Socket.Shutdown(SocketShutdown.Send);
        }
        else
        {
            relay.Dispose();
        }
    }

    private static bool Ended(Stream relay) => !relay.CanRead;

    private static async Task<int> ReadAfterRefusalAsync(Stream relay)
    {
        var buffer = new byte[64];
        try
        {
            return await relay.ReadAsync(buffer).AsTask().WaitAsync(ControlParty.Bound).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task WriteInPiecesAsync(Stream relay, byte[] bytes)
    {
        var offset = 0;
        for (var i = 0; offset < bytes.Length; i++)
        {
            var size = Math.Min(Pieces[i % Pieces.Length], bytes.Length - offset);
            await relay.WriteAsync(bytes.AsMemory(offset, size)).ConfigureAwait(false);
            offset += size;
        }

        await relay.FlushAsync().ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadUpToAsync(Stream relay, int count)
    {
        var buffer = new byte[count];
        var offset = 0;
        int read;
        while (offset < count && (read = await relay.ReadAsync(buffer.AsMemory(offset)).ConfigureAwait(false)) > 0)
        {
            offset += read;
        }

        return buffer[..offset];
    }

    private static string Difference(byte[] sent, byte[]? received)
    {
        if (received is null)
        {
            return "nothing";
        }

        var common = Math.Min(sent.Length, received.Length);
        var first = Enumerable.Range(0, common).FirstOrDefault(i => sent[i] != received[i], -1);
        return first >= 0 ? $"{received.Length} bytes, differing first at byte {first}" : $"{received.Length} of {sent.Length} bytes";
    }

    private static int IndexOf(IReadOnlyList<DcvMessage> messages, Func<DcvMessage, bool> match)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (match(messages[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOf(IReadOnlyList<DcvMessage> messages, Func<DcvMessage, bool> match)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (match(messages[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Engine.Bindings;
using Conformance.Engine.DcvVirtualChannels.Broker;
using Conformance.Engine.Running;
using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Engine.DcvVirtualChannels.Steps;

/// <summary>Malformed control frames, and frames split or coalesced (VC-01, VC-16).</summary>
[Binding]
internal sealed class BrokerBadInputSteps(BrokerScene scene, ScenarioContext context)
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sent = new();

    [When("\"([^\"]+)\" sends (a frame cut off by the end of the stream|a header claiming 16 MiB and 1 byte|a header with its top bit set|3 bytes that are not protobuf)")]
    public async Task SendsMalformed(string party, string input)
    {
        var good = ControlFraming.Encode(new ExtensionMessage { Request = new Request { RequestId = "1", GetDcvInfoRequest = new GetDcvInfoRequest() } });
        var (bytes, thenEnd) = input switch
        {
            "a frame cut off by the end of the stream" => (good[..^2], true),
            "a header claiming 16 MiB and 1 byte" => (Header(16 * 1024 * 1024 + 1), false),
            "a header with its top bit set" => (Header(0x8000_0010), false),
            _ => (new byte[] { 3, 0, 0, 0, 0xFF, 0xFF, 0xFF }, false),
        };
        var sender = scene.Party(party);
        BrokerTranscript.Add(context, "bad-input", ("party", party), ("input", input), ("bytes", bytes.Length));
        _sent.Restart();
        await sender.WriteRawAsync(bytes).ConfigureAwait(false);
        if (thenEnd)
        {
            await sender.CompleteAsync().ConfigureAwait(false);
        }
    }

    [When("\"([^\"]+)\" sends a header claiming 16 MiB and 1 byte and keeps the channel open")]
    public Task SendsHugeHeader(string party) => SendsMalformed(party, "a header claiming 16 MiB and 1 byte");

    [Then("the broker ended the session of \"([^\"]+)\" within 1 s, naming (.+)")]
    public async Task Ended(string party, string fault)
    {
        SessionEnd end;
        try
        {
            end = await scene.Party(party).Session.Ended.WaitAsync(ControlParty.Bound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            context.ViolateScenarioRequirements($"the session of {party} ended within 1 s", $"it was still open {ControlParty.Bound.TotalSeconds:0} s later");
            return;
        }

        var took = _sent.Elapsed;
        BrokerTranscript.Add(context, "session-ended", ("party", party), ("reason", end.Reason.ToString()));
        context.Note($"The broker: {end.Description}");
        context.Expect(took <= Promptly, $"the session ended within {Promptly.TotalSeconds:0} s", () => $"{took.TotalSeconds:0.000} s");
        context.Expect(end.Reason == SessionEndReason.MalformedFrame, "ended for a malformed frame", () => end.Reason.ToString());
        context.Expect(end.Description.StartsWith("frame ", StringComparison.Ordinal) && end.Description.Contains(fault, StringComparison.Ordinal),
            $"the reason names the frame and says \"{fault}\"", () => end.Description);
    }

    [Then("the channel \"([^\"]+)\" still carries bytes both ways, and the extension's requests are still answered")]
    public async Task StillServing(string channel)
    {
        var extension = scene.Relay(BrokerScene.Extension, channel);
        var remote = scene.Relay(BrokerScene.Remote, channel);
        await extension.WriteAsync("still here"u8.ToArray()).ConfigureAwait(false);
        await remote.WriteAsync("and here"u8.ToArray()).ConfigureAwait(false);
        var atRemote = await ReadExactlyAsync(remote, 10).ConfigureAwait(false);
        var atExtension = await ReadExactlyAsync(extension, 8).ConfigureAwait(false);
        context.Expect(atRemote == "still here", "the remote party read \"still here\"", () => atRemote ?? "nothing");
        context.Expect(atExtension == "and here", "the extension read \"and here\"", () => atExtension ?? "nothing");
        var (_, response) = await scene.Party(BrokerScene.Extension).RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest()).ConfigureAwait(false);
        context.Expect(response?.Status == Status.Success, "GetDcvInfo still answered SUCCESS", () => response?.Status.ToString() ?? "no response");
        BrokerTranscript.Add(context, "still-serving", ("channel", channel), ("remoteRead", atRemote), ("extensionRead", atExtension), ("getDcvInfo", response?.Status.ToString()));
    }

    [When("the extension sends a request a byte at a time, then three requests in one write")]
    public async Task SplitAndCoalesced()
    {
        var party = scene.Party(BrokerScene.Extension);
        var split = Frame("split-1");
        for (var i = 0; i < split.Length; i++)
        {
            await party.WriteRawAsync(split.AsMemory(i, 1)).ConfigureAwait(false);
        }

        await party.WriteRawAsync((byte[])[.. Frame("many-1"), .. Frame("many-2"), .. Frame("many-3")]).ConfigureAwait(false);
    }

    [Then("all four were answered, in order")]
    public async Task AllAnswered()
    {
        string[] expected = ["split-1", "many-1", "many-2", "many-3"];
        var party = scene.Party(BrokerScene.Extension);
        IReadOnlyList<string> Answered(IReadOnlyList<DcvMessage> received) =>
            received.Where(message => message.Response is { } response && expected.Contains(response.RequestId)).Select(message => message.Response.RequestId).ToList();
        await party.WaitUntilAsync(received => Answered(received).Count >= expected.Length, ControlParty.Bound).ConfigureAwait(false);
        var answered = Answered(party.Received);
        BrokerTranscript.Add(context, "answered", ("requestIds", new System.Text.Json.Nodes.JsonArray([.. answered.Select(id => (System.Text.Json.Nodes.JsonNode?)id)])));
        context.Expect(answered.SequenceEqual(expected), string.Join(", ", expected), () => answered.Count == 0 ? "none" : string.Join(", ", answered));
    }

    private static byte[] Frame(string id) =>
        ControlFraming.Encode(new ExtensionMessage { Request = new Request { RequestId = id, GetDcvInfoRequest = new GetDcvInfoRequest() } });

    private static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        return header;
    }

    private static async Task<string?> ReadExactlyAsync(Stream relay, int count)
    {
        var buffer = new byte[count];
        try
        {
            await relay.ReadExactlyAsync(buffer).AsTask().WaitAsync(ControlParty.Bound).ConfigureAwait(false);
            return System.Text.Encoding.UTF8.GetString(buffer);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or TimeoutException)
        {
            return null;
        }
    }
}

using System.Text.Json.Nodes;
using Conformance.Dcv.Wire;
using Conformance.Engine.Situations;
using Conformance.Reference.Dcv;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// The transcript of an extension's session, summed up so that it does not depend on how the extension's channels and
/// the harness's remote party interleave: the requests by kind and answer, then each channel by name, then the end.
/// Auth tokens are registered as secrets and never written.
/// </summary>
internal static class SessionTranscript
{
    public static void Write(Recording recording, ExtensionSession session, bool endedByHarness)
    {
        var transcript = recording.Transcript;
        var target = session.Target;
        var ofExtension = session.OfExtension.ToList();
        recording.RegisterSecrets(ofExtension.OfType<ControlMessageSent>()
            .Select(sent => sent.Message.Response?.SetupVirtualChannelResponse?.VirtualChannelAuthToken)
            .Where(token => token is { Length: > 0 })
            .SelectMany(token => new[] { Convert.ToHexString(token!.Span), Convert.ToHexStringLower(token.Span), token.ToBase64() }));

        transcript.Add("extension-started", new JsonObject { ["namespace"] = target.Namespace, ["channelsAsked"] = target.Channels });
        var answers = ofExtension.OfType<ControlMessageSent>().Where(sent => sent.Message.Response is not null)
            .ToDictionary(sent => sent.Message.Response.RequestId, sent => sent.Message.Response.Status.ToString(), StringComparer.Ordinal);
        var requests = new JsonObject();
        foreach (var kind in ofExtension.OfType<ControlMessageReceived>().GroupBy(received => received.Message.Request.RequestCase.ToString()).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var statuses = new JsonObject();
            foreach (var status in kind.GroupBy(received => answers.GetValueOrDefault(received.Message.Request.RequestId, "unanswered")).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                statuses[status.Key] = status.Count();
            }

            requests[kind.Key] = statuses;
        }

        transcript.Add("extension-requests", new JsonObject { ["byKind"] = requests });
        var setups = ofExtension.OfType<SetupDecided>().GroupBy(setup => setup.Channel).OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var channel in setups)
        {
            var relays = ofExtension.OfType<RelayJudged>().Where(judged => judged.Channel == channel.Key).Select(judged => judged.Verdict.Refusal?.ToString() ?? "admitted");
            transcript.Add("channel", new JsonObject
            {
                ["name"] = channel.Key,
                ["setup"] = new JsonArray([.. channel.Select(setup => (JsonNode?)setup.Decision.Status.ToString())]),
                ["relay"] = new JsonArray([.. relays.Select(verdict => (JsonNode?)verdict)]),
                ["ready"] = session.Journal.OfType<ChannelReady>().Any(ready => ready.Channel == channel.Key),
                ["bytesBeforeReady"] = ofExtension.OfType<RelayBytesBeforeReady>().Any(early => early.Channel == channel.Key),
            });
        }

        transcript.Add("extension-ended", new JsonObject
        {
            ["standardErrorBytes"] = session.StandardError.Bytes,
            ["exitedBeforeTheHarnessClosed"] = session.ExitedOnItsOwn is not null,
            ["exitCodeOnItsOwn"] = session.ExitedOnItsOwn,
            ["endedByTheHarness"] = endedByHarness,
            ["malformedFrame"] = ofExtension.OfType<SessionEnded>().Any(ended => ended.End.IsViolation),
        });
    }
}

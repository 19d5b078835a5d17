using Conformance.Engine.PipeMessaging.Certification.Acts;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Running;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Judges.Verdicts;

namespace Conformance.Engine.PipeMessaging.Certification.Judges;

/// <summary>Judges an event-pipe client under test on what its acts recorded, within the real-time tolerance.</summary>
internal static class EventClientJudges
{
    private static readonly string[] ReassembledLabels = ["C", "D"];

    /// <summary>PM-E02: the client's Handshake is the first thing it sends, promptly on connecting.</summary>
    public static IEnumerable<Violation> HandshakesAtOnce(LiveRun run)
    {
        foreach (var connection in run.Peers.Where(peer => peer.Name.StartsWith("connection", StringComparison.Ordinal)))
        {
            var first = connection.Received.FirstOrDefault();
            if (first?.Message is not Handshake { Sender: HandshakeSender.Client } || !run.Tolerance.By(first.At - connection.OpenedAt, Script.Promptly))
            {
                yield return Violation("PM-E02", $"the client's Handshake as its first message on {connection.Name}, right after connecting (within 1 s)",
                    first is null ? $"nothing came; the connection closed {Seconds(connection.EndedAt)}" : $"{(first.Message is { } message ? Name(message) : "a bad frame")} {After(first.At, connection.OpenedAt, "connecting")}");
            }
        }
    }

    /// <summary>PM-E05: the service's check is answered with a Handshake within the deadline.</summary>
    public static IEnumerable<Violation> AnswersChecks(LiveRun run)
    {
        var connection = run.Peer("connection 1");
        var sent = run.Mark("check sent");
        var answer = connection?.Received.Skip(1).FirstOrDefault(entry => entry.Message is Handshake { Sender: HandshakeSender.Client } && entry.At >= sent);
        if (sent is null || answer is null || !run.Tolerance.By(answer.At - sent.Value, TimeSpan.FromSeconds(1)))
        {
            yield return Violation("PM-E05", "a Handshake answering the service's check within 1000 ms", $"the answer came {After(answer?.At, sent, "the check")}");
        }
    }

    /// <summary>PM-E06: each event confirmed with its eventId within the deadline.</summary>
    public static IEnumerable<Violation> Confirms(LiveRun run) => Confirmations(run, "PM-E06", ["A", "B"], "sent in JSON and in XML");

    /// <summary>
    /// PM-F04: after event C in six pieces and event D with a check in one write, the client confirmed both or answered
    /// the check — either shows it rebuilt those frames. (Whether it did both is PM-E05's and PM-E06's to judge.)
    /// </summary>
    public static IEnumerable<Violation> Reassembles(LiveRun run)
    {
        var connection = run.Peer("connection 1");
        var sentD = run.Mark("sent D");
        var answered = connection?.Received.Any(entry => entry.Message is Handshake { Sender: HandshakeSender.Client } && entry.At >= sentD) == true;
        var confirmed = ReassembledLabels.All(label => connection?.Received.Any(entry => entry.Message is Confirmation c && c.EventId == run.EventId(label)) == true);
        if (sentD is null || !(answered || confirmed) || connection!.Received.Any(entry => entry.Check is { IsValid: false }))
        {
            yield return Violation("PM-F04", "events C (in six pieces) and D (in one write with a check) rebuilt: both confirmed, or the check answered",
                sentD is null ? "the act never got that far" : $"connection 1 received {Describe(connection)}");
        }
    }

    private static IEnumerable<Violation> Confirmations(LiveRun run, string requirement, string[] labels, string how)
    {
        var connection = run.Peer("connection 1");
        foreach (var label in labels)
        {
            var id = run.EventId(label);
            var at = run.Mark($"sent {label}");
            var confirmation = connection?.Received.FirstOrDefault(entry => entry.Message is Confirmation c && c.EventId == id);
            if (id is null || at is null || confirmation is null || !run.Tolerance.By(confirmation.At - at.Value, TimeSpan.FromSeconds(1)))
            {
                yield return Violation(requirement, $"event {label} ({how}) confirmed with its eventId within 1000 ms",
                    confirmation is null ? $"no Confirmation of it; the client sent {Describe(connection)}" : $"the Confirmation came {After(confirmation.At, at, "the event")}");
            }
        }
    }

    /// <summary>PM-E04: without the service's Handshake the instance disconnects when its time-out is up, and a new one connects promptly.</summary>
    public static IEnumerable<Violation> ReplacesItself(LiveRun run)
    {
        var timeout = run.Target.Timeout(TimeoutNames.HandshakeTimeout);
        var first = run.Peer("connection 1");
        if (first?.EndedAt is not { } ended || !run.Tolerance.Around(ended - first.OpenedAt, timeout))
        {
            yield return Violation("PM-E04", $"the client disconnecting {timeout.TotalMilliseconds:0} ms after connecting, its handshake unanswered",
                $"it disconnected {After(first?.EndedAt, first?.OpenedAt, "connecting")}");
            yield break;
        }

        var reconnect = run.Target.Timeout(TimeoutNames.Reconnect);
        var second = run.Peer("connection 2");
        if (second is null || !run.Tolerance.By(second.OpenedAt - ended, reconnect) || second.Received.FirstOrDefault()?.Message is not Handshake { Sender: HandshakeSender.Client })
        {
            yield return Violation("PM-E04", $"a new client instance connecting within {reconnect.TotalMilliseconds:0} ms, with a Handshake of its own",
                second is null ? "no new connection came" : $"it connected {After(second.OpenedAt, ended, "the old one closed")} and sent {Describe(second)}");
        }
    }

    /// <summary>PM-F05: an event whose frame never completed is never confirmed.</summary>
    public static IEnumerable<Violation> IgnoresCutOff(LiveRun run)
    {
        var id = run.EventId(EventClientActs.CutOffLabel);
        var confirmed = run.Peers.SelectMany(peer => peer.Received.Select(entry => (peer, entry))).FirstOrDefault(pair => pair.entry.Message is Confirmation c && c.EventId == id);
        if (confirmed.entry is not null)
        {
            yield return Violation("PM-F05", "no Confirmation of an event whose frame never completed", $"{confirmed.peer.Name} confirmed it at {Seconds(confirmed.entry.At)}");
        }
    }

    /// <summary>PM-F01/F02/F03/F06 on what the client sent.</summary>
    public static IEnumerable<Violation> FramesSent(IEnumerable<LiveRun> runs, string requirement) =>
        runs.SelectMany(run => Verdicts.FramesSent(run.Peers, "client", requirement));
}

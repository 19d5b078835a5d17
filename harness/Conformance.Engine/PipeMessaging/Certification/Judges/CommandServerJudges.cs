using Conformance.Engine.PipeMessaging.Certification.Acts;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Running;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Judges.Verdicts;

namespace Conformance.Engine.PipeMessaging.Certification.Judges;

/// <summary>Judges a command-pipe server under test on what its acts recorded, within the real-time tolerance.</summary>
internal static class CommandServerJudges
{
    /// <summary>The first request <paramref name="client"/> sent, and the responses it received.</summary>
    private static (Request? Request, List<WireEntry> Responses) Exchange(FramePeer? client) =>
        (client?.SentMessages.OfType<Request>().FirstOrDefault(), client?.Received.Where(entry => entry.Message is Response).ToList() ?? []);

    // A request written as raw bytes is not in the log as a message: then any one Response answers it.
    private static bool Answers(Request? request, List<WireEntry> responses) =>
        responses.Count == 1 && responses[0].Message is Response response && (request is null || response.RequestId == request.RequestId);

    /// <summary>PM-C01: one Response, carrying the request's id, then the server closes, promptly; nothing else answered.</summary>
    public static IEnumerable<Violation> OneRequest(LiveRun run)
    {
        foreach (var name in new[] { "client 1", "client 2" })
        {
            var client = run.Peer(name);
            var (request, responses) = Exchange(client);
            if (responses.Count != 1 || responses[0].Message is not Response { RequestId: var id } || (request is not null && id != request.RequestId))
            {
                yield return Violation("PM-C01", $"exactly one Response, carrying the requestId of {name}'s first request", $"{name} received {Describe(client)}");
            }
            else if (client!.EndedAt is not { } ended || !run.Tolerance.By(ended - responses[0].At, Script.Promptly))
            {
                yield return Violation("PM-C01", "the server closing the connection after its Response, promptly", $"it closed {After(client.EndedAt, responses[0].At, "the Response")}");
            }
        }
    }

    /// <summary>PM-F03: a request in XML is a request too.</summary>
    public static IEnumerable<Violation> Xml(LiveRun run)
    {
        var client = run.Peer("client 2");
        if (Exchange(client).Responses.Count != 1)
        {
            yield return Violation("PM-F03", "a Request in the XML form answered", $"client 2 received {Describe(client)}");
        }
    }

    /// <summary>PM-F04: requests coalesced in one write, or split into single bytes, are rebuilt.</summary>
    public static IEnumerable<Violation> Reassembly(LiveRun run)
    {
        foreach (var (name, how) in new[] { ("client 1", "with a second in the same write"), ("client 3", "written a byte at a time") })
        {
            var client = run.Peer(name);
            var (request, responses) = Exchange(client);

            // Rebuilt means answered; whether more was answered than should be is PM-C01's to judge.
            if (!responses.Any(entry => entry.Message is Response response && (request is null || response.RequestId == request.RequestId)))
            {
                yield return Violation("PM-F04", $"a Request {how} rebuilt and answered", $"{name} received {Describe(client)}");
            }
        }
    }

    /// <summary>PM-C02: the three clients each served in turn; none dropped, none answered while the first exchange was open.</summary>
    public static IEnumerable<Violation> Turns(LiveRun run)
    {
        var completes = run.Mark("client 1 completes its request");
        foreach (var name in new[] { "client 1", "client 2", "client 3" })
        {
            var client = run.Peer(name);
            var (request, responses) = Exchange(client);
            if (client is null)
            {
                yield return Violation("PM-C02", $"{name}, which kept trying while the pipe was busy, served in its turn", $"{name} could not connect within 3 s of retrying");
                continue;
            }

            if (!Answers(request, responses))
            {
                yield return Violation("PM-C02", $"{name} served in its turn, never dropped", $"{name} received {Describe(client)}; the server closed its connection {Seconds(client.EndedAt)}");
            }

            if (name != "client 1" && client.Received.FirstOrDefault()?.At < completes)
            {
                yield return Violation("PM-C02", $"nothing for {name} while client 1's exchange was open", $"{name} received {Describe(client)} before client 1 completed its request at {Seconds(completes)}");
            }
        }
    }

    /// <summary>PM-C03: a request well inside the deadline is answered.</summary>
    public static IEnumerable<Violation> InsideDeadline(LiveRun run)
    {
        var client = run.Peer("client 1");
        if (Exchange(client).Responses.Count != 1)
        {
            yield return Violation("PM-C03", $"a Request completed well inside the {run.Target.Timeout(TimeoutNames.Request).TotalSeconds:0.###} s deadline answered", $"client 1 received {Describe(client)}");
        }
    }

    /// <summary>PM-C03: a client without a whole request is disconnected when the deadline is up, not before, unanswered.</summary>
    public static IEnumerable<Violation> CutOffAtDeadline(LiveRun run, string what)
    {
        var deadline = run.Target.Timeout(TimeoutNames.Request);
        var client = run.Peer("client 1");
        if (client?.EndedAt is not { } ended || !run.Tolerance.Around(ended - client.OpenedAt, deadline) || client.Received.Count > 0)
        {
            yield return Violation("PM-C03", $"{what} disconnected {deadline.TotalSeconds:0.###} s after it connected, unanswered",
                client is null ? "the client could not connect" : $"it was disconnected {After(client.EndedAt, client.OpenedAt, "it connected")}; it received {Describe(client)}");
        }
    }

    /// <summary>The hostile inputs judged under <paramref name="requirement"/>.</summary>
    public static IEnumerable<Violation> Hostile(LiveRun run, IReadOnlyList<Hostile> inputs, string requirement) =>
        HostileJudge.Judge(run, inputs, requirement,
            message => message is Response, message => message is Response { Status: ResponseStatus.Success }, run.Target.Timeout(TimeoutNames.Request));
}

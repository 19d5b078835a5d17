using Conformance.Engine.PipeMessaging.Certification.Acts;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Running;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Judges.Verdicts;

namespace Conformance.Engine.PipeMessaging.Certification.Judges;

/// <summary>Judges an event-pipe service under test on what its acts recorded, within the real-time tolerance.</summary>
internal static class EventServiceJudges
{
    /// <summary>
    /// PM-E03: the client's Handshake is answered with the service's, promptly — well inside the idle interval, which
    /// tells the answer from the first idle-time check a service that never answers would send.
    /// </summary>
    public static IEnumerable<Violation> Answers(LiveRun run)
    {
        var client = run.Peer("client 1");
        var first = client?.Received.FirstOrDefault();
        var sent = run.Mark("client 1 handshook");
        // Within 60 % of the idle interval, widened by the tolerance but never so far that a first check could pass for it.
        var idle = run.Target.Timeout(TimeoutNames.Idle);
        var nominal = idle * 0.6 < Script.Promptly ? idle * 0.6 : Script.Promptly;
        var widened = nominal + run.Tolerance.Late;
        var bound = widened < idle - run.Tolerance.Early ? widened : idle - run.Tolerance.Early - TimeSpan.FromMilliseconds(1);
        if (first?.Message is not Handshake { Sender: HandshakeSender.Service } || first.At - sent!.Value > bound)
        {
            yield return Violation("PM-E03", $"the service's Handshake as its first message, within {nominal.TotalMilliseconds:0} ms of the client's (before any idle-time check)",
                $"client 1 received {Describe(client)}; the client's Handshake went at {Seconds(sent)}");
        }
    }

    /// <summary>PM-E05: checks come after the idle interval, counted from the last exchange, and an answer within the deadline keeps the connection.</summary>
    public static IEnumerable<Violation> Checks(LiveRun run)
    {
        var client = run.Peer("client 1");
        if (client is null)
        {
            yield break;
        }

        var idle = run.Target.Timeout(TimeoutNames.Idle);
        var tolerance = run.Tolerance;
        var service = client.Received.Where(entry => entry.Message is Handshake { Sender: HandshakeSender.Service } or Event).ToList();
        var checks = service.Skip(1).ToList();
        if (checks.Count < 3)
        {
            yield return Violation("PM-E05", $"a Handshake from the service after each {idle.TotalSeconds:0.###} s without an event, the connection kept while they are answered in time",
                $"{checks.Count} check(s) came; client 1 received {Describe(client)}{(client.EndedAt is { } ended ? $"; the service closed the connection at {Seconds(ended)}" : "")}");
        }

        foreach (var check in checks.Take(3))
        {
            var previousFromService = service.Last(entry => entry.At < check.At).At;
            var previousFromClient = client.Entries.LastOrDefault(entry => entry.Kind == WireKind.Sent && entry.At < check.At)?.At ?? previousFromService;
            var latest = previousFromClient > previousFromService ? previousFromClient : previousFromService;
            if (!tolerance.NotBefore(check.At - previousFromService, idle) || !tolerance.By(check.At - latest, idle))
            {
                yield return Violation("PM-E05", $"each check {idle.TotalSeconds:0.###} s after the last exchange",
                    $"a check came {After(check.At, previousFromService, "the service's previous message")} and {After(check.At, latest, "the last exchange")}");
            }
        }
    }

    /// <summary>PM-E05: a check left unanswered costs the connection when its deadline is up.</summary>
    public static IEnumerable<Violation> UnansweredCheck(LiveRun run)
    {
        var client = run.Peer("client 1");
        var came = run.Mark("check came");
        var deadline = run.Target.Timeout(TimeoutNames.KeepAliveAnswer);
        if (came is null)
        {
            yield return Violation("PM-E05", $"a Handshake from the service after {run.Target.Timeout(TimeoutNames.Idle).TotalSeconds:0.###} s without an event", $"none came; client 1 received {Describe(client)}");
        }
        else if (client?.EndedAt is not { } ended || !run.Tolerance.Around(ended - came.Value, deadline))
        {
            yield return Violation("PM-E05", $"the connection closed {deadline.TotalSeconds:0.###} s after the unanswered check", $"it closed {After(client?.EndedAt, came, "the check")}");
        }
    }

    /// <summary>PM-E02: a Handshake inside the deadline is answered; a silent client is cut off when it is up, not before.</summary>
    public static IEnumerable<Violation> HandshakeDeadline(LiveRun run)
    {
        var deadline = run.Target.Timeout(TimeoutNames.Handshake);
        var late = run.Peer("client 1");
        if (late?.Received.FirstOrDefault()?.Message is not Handshake { Sender: HandshakeSender.Service })
        {
            yield return Violation("PM-E02", $"a Handshake sent well inside the {deadline.TotalMilliseconds:0} ms deadline answered", $"client 1 received {Describe(late)}; the connection closed {Seconds(late?.EndedAt)}");
        }

        var silent = run.Peer("client 2");
        if (silent?.EndedAt is not { } ended || !run.Tolerance.Around(ended - silent.OpenedAt, deadline) || silent.Received.Count > 0)
        {
            yield return Violation("PM-E02", $"a client that sends nothing disconnected {deadline.TotalMilliseconds:0} ms after it connected, having received nothing",
                silent is null ? "client 2 could not connect" : $"it was disconnected {After(silent.EndedAt, silent.OpenedAt, "it connected")}; it received {Describe(silent)}");
        }
    }

    /// <summary>PM-F04: a Handshake that arrives a byte at a time is rebuilt and answered.</summary>
    public static IEnumerable<Violation> ByteAtATime(LiveRun run)
    {
        var client = run.Peer("client 3");
        if (client?.Received.FirstOrDefault()?.Message is not Handshake { Sender: HandshakeSender.Service })
        {
            yield return Violation("PM-F04", "a Handshake written a byte at a time rebuilt and answered", $"client 3 received {Describe(client)}");
        }
    }

    /// <summary>PM-E01: while a client is connected, a second one is refused or left without a word, and the first is still served.</summary>
    public static IEnumerable<Violation> OneClient(LiveRun run)
    {
        var first = run.Peer("client 1");
        var second = run.Peer("client 2");
        var leaves = run.Mark("client 1 leaves");
        if (second is not null && second.Received.Any(entry => entry.At < leaves))
        {
            yield return Violation("PM-E01", "nothing for a second client while the first is connected", $"client 2 received {Describe(second)} before client 1 left at {Seconds(leaves)}");
        }

        if (first is null || first.EndedAt < leaves)
        {
            yield return Violation("PM-E01", "the first client's connection kept while the second tried", $"client 1 received {Describe(first)}; its connection closed {Seconds(first?.EndedAt)}");
        }
    }

    /// <summary>PM-E06: each event as asked, waiting for its Confirmation before anything else; one confirmed inside the deadline is done with.</summary>
    public static IEnumerable<Violation> Events(LiveRun run)
    {
        var client = run.Peer("client 1");
        var events = client?.Messages.OfType<Event>().ToList() ?? [];
        foreach (var label in new[] { "A", "B", "C", "D" })
        {
            var @event = events.FirstOrDefault(candidate => Script.LabelOf(candidate) == label);
            if (@event is null || @event.EventType != "StateChanged" || (run.EventId(label) is { } id && id != @event.EventId))
            {
                yield return Violation("PM-E06", $"event {label} delivered as asked (StateChanged, its payload, the eventId the service reported)", $"client 1 received {Describe(client)}");
            }
        }

        var dAt = client?.Received.FirstOrDefault(entry => entry.Message is Event @event && Script.LabelOf(@event) == "D")?.At;
        if (dAt < run.Mark("confirmed C"))
        {
            yield return Violation("PM-E06", "event D only after event C was confirmed", $"D came at {Seconds(dAt)}; C was confirmed at {Seconds(run.Mark("confirmed C"))}");
        }

        if (client?.EndedAt < run.Mark("client 1 leaves"))
        {
            yield return Violation("PM-E06", "the connection kept when each event is confirmed within its deadline (B well inside it)", $"the service closed it at {Seconds(client!.EndedAt)}");
        }
    }

    /// <summary>PM-E09: a confirmed event is never delivered again.</summary>
    public static IEnumerable<Violation> NeverAgain(LiveRun run)
    {
        var next = run.Peer("client 2");
        var again = next?.Messages.OfType<Event>().Where(@event => Script.LabelOf(@event) is "A" or "B" or "C" or "D").ToList() ?? [];
        if (again.Count > 0)
        {
            yield return Violation("PM-E09", "a confirmed event never delivered again", $"the next client received {string.Join(", ", again.Select(Script.LabelOf))} again");
        }
    }

    /// <summary>PM-E07: an unconfirmed event costs the connection when its deadline is up, and goes to the next client right after its handshake.</summary>
    public static IEnumerable<Violation> Kept(LiveRun run)
    {
        var first = run.Peer("client 1");
        var arrived = run.Mark("K1 arrived");
        var deadline = run.Target.Timeout(TimeoutNames.Confirmation);
        if (arrived is null || first?.EndedAt is not { } ended || !run.Tolerance.Around(ended - arrived.Value, deadline))
        {
            yield return Violation("PM-E07", $"the connection closed {deadline.TotalMilliseconds:0} ms after an event it left unconfirmed",
                arrived is null ? $"event K1 never came; client 1 received {Describe(first)}" : $"it closed {After(first?.EndedAt, arrived, "the event")}");
        }

        // Right after the handshake: among the events that come first, before anything else; their order is PM-E09's to judge.
        var second = run.Peer("client 2");
        var messages = second?.Messages ?? [];
        // After the service's answer — or from the start, for a service that sends no answer (PM-E03 judges that).
        var answer = messages.ToList().FindIndex(message => message is Handshake { Sender: HandshakeSender.Service });
        var firstEvent = messages.ToList().FindIndex(message => message is Event);
        var from = answer >= 0 && (firstEvent < 0 || answer < firstEvent) ? answer + 1 : 0;
        var following = messages.Skip(from).TakeWhile(message => message is Event).Cast<Event>().Select(Script.LabelOf).ToList();
        if (!following.Contains("K1"))
        {
            yield return Violation("PM-E07", "the kept event K1 delivered to the next client right after the service's Handshake", $"client 2 received {Describe(second)}");
        }
    }

    /// <summary>PM-E09: kept events come in the order they occurred, and once confirmed never again.</summary>
    public static IEnumerable<Violation> KeptInOrder(LiveRun run)
    {
        var labels = run.Peer("client 2")?.Messages.OfType<Event>().Select(Script.LabelOf).ToList() ?? [];
        var kept = labels.Where(label => label is "K1" or "K2" or "K3").ToList();
        if (!kept.SequenceEqual(kept.Order(StringComparer.Ordinal)) || kept.Distinct().Count() != kept.Count)
        {
            yield return Violation("PM-E09", "kept events delivered oldest first, each once", $"client 2 received {string.Join(", ", labels)}");
        }

        var again = run.Peer("client 3")?.Messages.OfType<Event>().Select(Script.LabelOf).Where(label => label is "K1" or "K2" or "K3").ToList() ?? [];
        if (again.Count > 0)
        {
            yield return Violation("PM-E09", "a confirmed event never delivered again", $"client 3 received {string.Join(", ", again)} again");
        }
    }

    /// <summary>PM-E10: events that occur with no client connected are kept for the next.</summary>
    public static IEnumerable<Violation> KeptWithoutClient(LiveRun run)
    {
        var labels = run.Peer("client 2")?.Messages.OfType<Event>().Select(Script.LabelOf).ToList() ?? [];
        if (!labels.Contains("K2") || !labels.Contains("K3"))
        {
            yield return Violation("PM-E10", "K2 and K3, which occurred while no client was connected, delivered to the next client", $"client 2 received {(labels.Count == 0 ? "no event" : string.Join(", ", labels))}");
        }
    }

    /// <summary>PM-E08: an unconfirmed TrafficChanged keeps the connection and reaches no other client.</summary>
    public static IEnumerable<Violation> TrafficDropped(LiveRun run)
    {
        var first = run.Peer("client 1");
        if (first?.Messages.OfType<Event>().Any(@event => Script.LabelOf(@event) == "T1") != true)
        {
            yield return Violation("PM-E08", "the TrafficChanged event T1 delivered", $"client 1 received {Describe(first)}");
        }
        else if (first.EndedAt < run.Mark("T1 deadline passed"))
        {
            yield return Violation("PM-E08", "the connection kept after an unconfirmed TrafficChanged", $"the service closed it {After(first.EndedAt, first.Received.First(entry => entry.Message is Event).At, "the event")}");
        }

        if (run.Peer("client 2")?.Messages.OfType<Event>().Any(@event => Script.LabelOf(@event) == "T1") == true)
        {
            yield return Violation("PM-E08", "an unconfirmed TrafficChanged never delivered to another client", "client 2 received T1");
        }
    }

    /// <summary>PM-E10: a TrafficChanged that occurs with no client connected is not kept.</summary>
    public static IEnumerable<Violation> TrafficNotKept(LiveRun run)
    {
        if (run.Peer("client 2")?.Messages.OfType<Event>().Any(@event => Script.LabelOf(@event) == "T2") == true)
        {
            yield return Violation("PM-E10", "a TrafficChanged that found no client not kept", "client 2 received T2");
        }
    }

    /// <summary>The hostile inputs judged under <paramref name="requirement"/>: each dropped in time without an answer, the next client served.</summary>
    public static IEnumerable<Violation> Hostile(LiveRun run, IReadOnlyList<Hostile> inputs, string requirement, Func<PipeMessage, bool> answer, TimeSpan deadline) =>
        HostileJudge.Judge(run, inputs, requirement, answer, answer, deadline);
}

/// <summary>Judges hostile inputs the same way for every receiver: dropped in time, never acted on, the next client served.</summary>
internal static class HostileJudge
{
    /// <summary>
    /// The inputs judged under <paramref name="requirement"/>: each dropped within its bound and never <paramref name="actedOn"/>,
    /// and the probe after it <paramref name="answered"/>.
    /// </summary>
    public static IEnumerable<Violation> Judge(LiveRun run, IReadOnlyList<Hostile> inputs, string requirement, Func<PipeMessage, bool> answered, Func<PipeMessage, bool> actedOn, TimeSpan deadline)
    {
        foreach (var input in inputs.Where(input => input.Requirement == requirement))
        {
            var hostile = run.Peer(input.Name);
            var sent = run.Mark($"{input.Name} sent");
            var bound = input.Deadline ? deadline : Script.Promptly;
            if (input.Flood)
            {
                // Counting the answers is PM-C01's business; here only that the first message came through the flood.
                if (hostile?.Messages.Any(answered) != true)
                {
                    yield return Violation(requirement, "the first message answered, and the frames after it read one by one", $"{input.Name}: received {Describe(hostile)}");
                }
            }
            else if (!input.Close && !input.EndWriting && (hostile?.EndedAt is not { } ended || sent is null || !run.Tolerance.By(ended - sent.Value, bound)))
            {
                yield return Violation(requirement, $"after {input.Name}, the connection dropped within {bound.TotalSeconds:0.###} s", $"it closed {After(hostile?.EndedAt, sent, input.Name)}");
            }

            if (!input.Flood && hostile?.Received.Any(entry => entry.Message is { } message && actedOn(message)) == true)
            {
                yield return Violation(requirement, $"{input.Name} never acted on", $"it was answered: {Describe(hostile)}");
            }

            var probe = run.Peer($"probe after {input.Name}");
            if (probe?.Messages.Any(answered) != true)
            {
                yield return Violation(requirement, $"after {input.Name}, the next client served as ever", probe is null ? "the next client could not connect" : $"the next client received {Describe(probe)}");
            }
        }
    }
}

using Conformance.Engine.Running;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Connector.Judges;

/// <summary>Judges the events and their order: LC-C05 (process ids), LC-C06 (order), LC-C07/LC-C08 (the session's course), LC-C10 (after the final event).</summary>
internal static class EventJudge
{
    /// <summary>LC-C05: a non-null processId only on RemoteConnectionWindowCreated.</summary>
    public static IEnumerable<Violation> ProcessIdOnlyOnWindowCreated(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var received in lines)
        {
            if (received.Event is { ProcessId: { } pid, EventType: not CustomConnectorEventType.RemoteConnectionWindowCreated } connectorEvent)
            {
                yield return new Violation("LC-C05", "a processId only on RemoteConnectionWindowCreated", $"line {received.Line.Number} ({connectorEvent.EventType}) carries processId {pid}");
            }
        }
    }

    /// <summary>LC-C05: every processId names a process that was running when the event arrived.</summary>
    public static IEnumerable<Violation> ProcessIdAlive(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var received in lines.Where(received => received.ProcessAlive == false))
        {
            yield return new Violation("LC-C05", "the processId names a running process", $"line {received.Line.Number} names process {received.Event!.ProcessId}, which was not running when the event arrived");
        }
    }

    /// <summary>LC-C06: no window created after the end, no failure after a window.</summary>
    public static IEnumerable<Violation> Order(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ReceivedLine? final = null;
        ReceivedLine? created = null;
        foreach (var received in lines.Where(received => received.Event is not null))
        {
            var type = received.Event!.EventType;
            if (type == CustomConnectorEventType.RemoteConnectionWindowCreated && final is not null)
            {
                yield return new Violation("LC-C06", "no RemoteConnectionWindowCreated after RemoteConnectionWindowClosed or RemoteConnectionFailure",
                    $"line {received.Line.Number} reports a window created after line {final.Line.Number}'s {final.Event!.EventType}");
            }

            if (type == CustomConnectorEventType.RemoteConnectionFailure && created is not null)
            {
                yield return new Violation("LC-C06", "no RemoteConnectionFailure after RemoteConnectionWindowCreated",
                    $"line {received.Line.Number} reports a failure after line {created.Line.Number}'s window");
            }

            created ??= type == CustomConnectorEventType.RemoteConnectionWindowCreated ? received : null;
            final ??= received.Event.IsFinal ? received : null;
        }
    }

    /// <summary>LC-C07: RemoteConnectionWindowCreated within the window deadline.</summary>
    public static IEnumerable<Violation> WindowCreated(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var created = First(session, CustomConnectorEventType.RemoteConnectionWindowCreated);
        var deadline = session.ConnectedAt + session.Target.Timeouts.WindowCreated;
        if (created is null)
        {
            yield return new Violation("LC-C07", $"RemoteConnectionWindowCreated within {session.Target.Timeouts.WindowCreated.TotalSeconds:0.###} s of connecting",
                $"none came; the connector sent {Summary(session)}");
        }
        else if (created.At > deadline)
        {
            yield return new Violation("LC-C07", "RemoteConnectionWindowCreated within the window deadline", $"it came {(created.At - session.ConnectedAt)!.Value.TotalSeconds:0.###} s after connecting");
        }
    }

    /// <summary>LC-C07: after the remote client ended, RemoteConnectionWindowClosed within the window-closed deadline; what the judge could not do goes to <paramref name="note"/>.</summary>
    public static IEnumerable<Violation> WindowClosedAfterRemoteEnd(ConnectorSession session, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(note);
        if (First(session, CustomConnectorEventType.RemoteConnectionWindowCreated) is not { } created)
        {
            yield break;
        }

        if (created.Event!.ProcessId is null)
        {
            note("the connector reported its window without a processId, so the harness could not end the remote client; RemoteConnectionWindowClosed was awaited without it");
        }
        else if (created.Event.ProcessId == session.Process?.ProcessId)
        {
            note($"the window's processId {created.Event.ProcessId} is the connector's own process, not a remote client's: the harness could not end the remote client without ending the connector, so it did not");
        }

        var closed = First(session, CustomConnectorEventType.RemoteConnectionWindowClosed);
        var from = session.RemoteClientEndedAt ?? created.At;
        if (closed is null)
        {
            yield return new Violation("LC-C07", $"RemoteConnectionWindowClosed within {session.Target.Timeouts.WindowClosed.TotalSeconds:0.###} s of the remote client's end",
                $"none came; the connector sent {Summary(session)}");
        }
        else if (closed.At - from > session.Target.Timeouts.WindowClosed)
        {
            yield return new Violation("LC-C07", "RemoteConnectionWindowClosed within the window-closed deadline", $"it came {(closed.At - from).TotalSeconds:0.###} s after the remote client ended");
        }
    }

    /// <summary>LC-C08: RemoteConnectionFailure with a non-empty message, before the connector exits.</summary>
    public static IEnumerable<Violation> FailureReported(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var failure = First(session, CustomConnectorEventType.RemoteConnectionFailure);
        if (failure is null)
        {
            yield return new Violation("LC-C08", "RemoteConnectionFailure before the connector exits", $"none came; the connector sent {Summary(session)}");
        }
        else if (failure.Event!.Message.Trim().Length == 0)
        {
            yield return new Violation("LC-C08", "a RemoteConnectionFailure message that says what went wrong", $"line {failure.Line.Number}'s message is empty");
        }
    }

    /// <summary>LC-C10: after the final event, nothing but Custom.</summary>
    public static IEnumerable<Violation> QuietAfterFinal(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var final = lines.FirstOrDefault(line => line.Event?.IsFinal == true);
        if (final is null)
        {
            yield break;
        }

        // A window created after the end is LC-C06's alone.
        foreach (var after in lines.Where(line => line.Line.Number > final.Line.Number
            && line.Event?.EventType is not (CustomConnectorEventType.Custom or CustomConnectorEventType.RemoteConnectionWindowCreated)))
        {
            yield return new Violation("LC-C10", $"nothing but Custom after line {final.Line.Number}'s {final.Event!.EventType}",
                $"line {after.Line.Number}: {after.Event?.EventType.ToString() ?? after.Line.Excerpt(80)}");
        }
    }

    /// <summary>LC-C10: after the final event, the pipe closed and the process exited within the exit deadline; what the judge could not judge goes to <paramref name="note"/>.</summary>
    public static IEnumerable<Violation> ExitAfterFinal(ConnectorSession session, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(note);
        if (session.FinalLine is not { } final)
        {
            note("the connector sent no final event, so LC-C10's exit deadline had nothing to run from");
            yield break;
        }

        var limit = session.Target.Timeouts.Exit;
        if (Deadline.Missed(session.PipeClosedAt, final.At, limit, "it was still open") is { } pipe)
        {
            yield return new Violation("LC-C10", $"the pipe closed within {limit.TotalSeconds:0.###} s of the final event", pipe);
        }

        if (Deadline.Missed(Deadline.ExitOf(session), final.At, limit, "it was still running") is { } exit)
        {
            yield return new Violation("LC-C10", $"the connector exited within {limit.TotalSeconds:0.###} s of the final event", exit);
        }
    }

    private static ReceivedLine? First(ConnectorSession session, CustomConnectorEventType type) =>
        session.Lines.FirstOrDefault(line => line.Event?.EventType == type);

    private static string Summary(ConnectorSession session)
    {
        var events = session.Lines.Select(line => line.Event?.EventType.ToString() ?? "(not an event)").ToList();
        var exit = session.Process?.Exited.IsCompleted == true ? $", then exited with code {session.Process.Exited.Result}" : "";
        return (events.Count == 0 ? "no line" : string.Join(", ", events)) + exit;
    }
}

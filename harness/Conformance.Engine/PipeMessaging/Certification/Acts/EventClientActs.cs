using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Acts.Script;

namespace Conformance.Engine.PipeMessaging.Certification.Acts;

/// <summary>What the harness, in the service's place, does to an event-pipe client under test, in real time.</summary>
internal static class EventClientActs
{
    public const string Conformant = "a service that answers, checks and sends events";
    public const string Silent = "a service that never answers the handshake";
    public const string CutOff = "a service that cuts an event off";

    /// <summary>Takes the client's first connection; false, with the reason recorded, when it never came.</summary>
    private static async Task<Cursor?> FirstConnectionAsync(LiveStage stage)
    {
        var connect = stage.Target.Timeout(TimeoutNames.Connect);
        if (await stage.AcceptAsync("connection 1", connect).ConfigureAwait(false) is { } peer)
        {
            return new Cursor(peer, stage.Cancellation);
        }

        stage.Run.Missing = $"the client did not connect to its event pipe within connectSeconds ({connect.TotalSeconds:0.###} s)";
        return null;
    }

    public static async Task ConformantAsync(LiveStage stage)
    {
        if (await FirstConnectionAsync(stage).ConfigureAwait(false) is not { } service)
        {
            return;
        }

        var peer = service.Peer;
        var answer = Promptly + Slack;

        // However late the client's Handshake, the act goes on while the client itself would (PM-E02 judges the delay).
        if (await service.NextAsync(IsClientHandshake, stage.Target.Timeout(TimeoutNames.HandshakeTimeout)).ConfigureAwait(false) is null)
        {
            return;
        }

        await peer.SendAsync(ServiceHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);

        // PM-E05: after the idle interval, a check, answered at once.
        await stage.PauseAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        stage.Mark("check sent");
        await peer.SendAsync(ServiceHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
        await service.NextAsync(IsClientHandshake, answer).ConfigureAwait(false);

        // PM-E06: events in JSON and XML, each confirmed.
        foreach (var (label, kind) in new[] { ("A", PayloadKind.Json), ("B", PayloadKind.Xml) })
        {
            var @event = EventLabelled(label);
            stage.Run.Emitted(label, @event.EventId);
            stage.Mark($"sent {label}");
            await peer.SendAsync(@event, kind, stage.Cancellation).ConfigureAwait(false);
            await service.NextAsync(message => message is Confirmation, answer).ConfigureAwait(false);
        }

        // PM-F04: one in six pieces, then one with a check in the same write.
        var pieces = EventLabelled("C");
        stage.Run.Emitted("C", pieces.EventId);
        var frame = Frame(pieces);
        await SendInPiecesAsync(stage, peer, frame, 6, apart: null, "event C in six pieces").ConfigureAwait(false);
        stage.Mark("sent C");
        await service.NextAsync(message => message is Confirmation, answer).ConfigureAwait(false);
        var together = EventLabelled("D");
        stage.Run.Emitted("D", together.EventId);
        stage.Mark("sent D");
        await peer.SendTogetherAsync([together, ServiceHandshake], stage.Cancellation).ConfigureAwait(false);
        await service.NextAsync(message => message is Confirmation, answer).ConfigureAwait(false);
        await peer.WaitUntilAsync(candidate => candidate.Messages.Count(IsClientHandshake) >= 3, answer, stage.Cancellation).ConfigureAwait(false);
    }

    public static async Task SilentAsync(LiveStage stage)
    {
        if (await FirstConnectionAsync(stage).ConfigureAwait(false) is not { } first)
        {
            return;
        }

        // PM-E04: no answer; the instance must go when its time-out is up, and a new one connect.
        await first.NextAsync(IsClientHandshake, Promptly + Slack).ConfigureAwait(false);
        await first.EndAsync(stage.Target.Timeout(TimeoutNames.HandshakeTimeout) + Slack).ConfigureAwait(false);
        if (await stage.AcceptAsync("connection 2", stage.Target.Timeout(TimeoutNames.Reconnect) + Slack).ConfigureAwait(false) is { } second)
        {
            await new Cursor(second, stage.Cancellation).NextAsync(IsClientHandshake, stage.Target.Timeout(TimeoutNames.HandshakeTimeout)).ConfigureAwait(false);
        }
    }

    /// <summary>The event the cut-off act leaves unfinished.</summary>
    public const string CutOffLabel = "X";

    public static async Task CutOffAsync(LiveStage stage)
    {
        if (await FirstConnectionAsync(stage).ConfigureAwait(false) is not { } first)
        {
            return;
        }

        if (await first.NextAsync(IsClientHandshake, Promptly + Slack).ConfigureAwait(false) is null)
        {
            return;
        }

        await first.Peer.SendAsync(ServiceHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);

        // PM-F05: the event's JSON is whole, but the frame is not; a careful client waits for the rest, then sees the end.
        var @event = EventLabelled(CutOffLabel);
        stage.Run.Emitted(CutOffLabel, @event.EventId);
        var frame = PaddedFrame(@event, 10);
        await first.Peer.SendBytesAsync(frame.AsMemory(0, frame.Length - 10), "an event without the last 10 bytes of its frame", stage.Cancellation).ConfigureAwait(false);
        await stage.PauseAsync(TimeSpan.FromMilliseconds(1200)).ConfigureAwait(false);
        await first.Peer.DisposeAsync().ConfigureAwait(false);
        if (await stage.AcceptAsync("connection 2", TimeSpan.FromSeconds(2)).ConfigureAwait(false) is { } second)
        {
            var cursor = new Cursor(second, stage.Cancellation);
            if (await cursor.NextAsync(IsClientHandshake, Promptly + Slack).ConfigureAwait(false) is not null)
            {
                await second.SendAsync(ServiceHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
                await stage.PauseAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
            }
        }
    }
}

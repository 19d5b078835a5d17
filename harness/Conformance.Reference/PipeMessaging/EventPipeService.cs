using System.Text.Json;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// The reference event-pipe service. One client at a time (PM-E01), others waiting their turn; the client's
/// Handshake within the deadline (PM-E02) is answered with the service's own (PM-E03); events go out one at a
/// time, each waiting for its Confirmation (PM-E06); when idle the service checks the client with a Handshake
/// (PM-E05). Unconfirmed events other than TrafficChanged cost the connection and are kept (PM-E07), TrafficChanged
/// is dropped and the connection kept (PM-E08), and kept events go to the next client first, oldest first (PM-E09),
/// as do events that found no client (PM-E10). Every timing is a setting, read through the given clock.
/// </summary>
public sealed class EventPipeService : IAsyncDisposable
{
    private readonly EventPipeServiceSettings _settings;
    private readonly TimeProvider _time;
    private readonly Actor _actor;
    private readonly WaitingClients _waiting = new();

    // PM-E09: every event not yet confirmed, in the order it occurred; the head is the one in flight.
    private readonly List<Event> _pending = [];
    private Client? _client;
    private int _connections;

    /// <summary>Creates the service; it serves the streams handed to <see cref="Attach"/>.</summary>
    public EventPipeService(EventPipeServiceSettings? settings = null, TimeProvider? time = null)
    {
        _settings = settings ?? new EventPipeServiceSettings();
        _time = time ?? TimeProvider.System;
        _actor = new Actor(exception => Log(JournalKinds.Crashed, 0, exception.ToString()));
    }

    /// <summary>What the service did and saw.</summary>
    public PipeJournal Journal { get; } = new();

    /// <summary>True when the service has nothing left to do until a client writes, a timer falls due or an event occurs.</summary>
    public bool IsIdle => _actor.IsIdle;

    /// <summary>Events not yet confirmed, oldest first: kept for the next client, or in flight.</summary>
    public IReadOnlyList<Event> Pending
    {
        get
        {
            lock (_pending)
            {
                return _pending.ToList();
            }
        }
    }

    /// <summary>Completes once the service has handled everything handed to it so far.</summary>
    public Task WhenIdleAsync() => _actor.WhenIdleAsync();

    /// <summary>A client connected on <paramref name="stream"/>; <paramref name="ended"/> is called once the service has closed it.</summary>
    public void Attach(Stream stream, Action? ended = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _actor.Post(() => OnAttachAsync(stream, ended));
    }

    /// <summary>An event occurs in the service; returns its eventId. It goes to the client, or is kept (PM-E10), or for TrafficChanged without a client, dropped.</summary>
    public Guid Emit(string eventType, JsonElement payload)
    {
        var occurred = new Event(Guid.NewGuid(), eventType, payload.Clone());
        _actor.Post(() => OnEmitAsync(occurred));
        return occurred.EventId;
    }

    /// <summary>Answers the harness's Conformance.EmitEvent request by emitting the event it describes.</summary>
    public Response HandleEmitEvent(Request request)
    {
        // Stryker disable once Statement : TryRead below refuses a null request with the same exception and parameter name
        ArgumentNullException.ThrowIfNull(request);
        if (!EmitEventParameters.TryRead(request, out var parameters, out var reason))
        {
            return Response.Failure(request.RequestId, reason);
        }

        var eventId = Emit(parameters.EventType, parameters.Payload);
        return Response.Success(request.RequestId, JsonSerializer.SerializeToElement(new Dictionary<string, Guid> { ["eventId"] = eventId }));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _actor.StopAfterAsync(() => _waiting.CloseAllAfterAsync(() => _client is null ? Task.CompletedTask : DisconnectAsync("the service is stopping")))
            .ConfigureAwait(false);
    }

    private async Task OnAttachAsync(Stream stream, Action? ended)
    {
        if (_client is not null)
        {
            // PM-E01: one client at a time; the next waits its turn.
            _waiting.Add(stream, ended);
            Log(JournalKinds.Waiting, _connections + _waiting.Count, "a client connected while another is served; it waits its turn", "PM-E01");
            return;
        }

        var connection = new FrameConnection(++_connections, stream, _settings.Frames, _actor, _time, _settings.WriteBound);
        _client = new Client(connection, ended);
        Log(JournalKinds.Accepted, connection.Number, "a client connected");
        connection.StartReading(OnInboundAsync);

        // PM-E02: the client's Handshake is due within the deadline.
        Arm(_client, _settings.HandshakeDeadline, client => DisconnectAsync($"no Handshake within {Ms(_settings.HandshakeDeadline)}", "PM-E02", JournalKinds.TimedOut));
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private async Task OnEmitAsync(Event occurred)
    {
        Log(JournalKinds.Occurred, _client?.Connection.Number ?? 0, Payloads.Describe(occurred));
        if (_client is null && occurred.EventType == EventTypes.TrafficChanged)
        {
            // PM-E10: TrafficChanged is never kept, not even for a client yet to come.
            Log(JournalKinds.Discarded, 0, $"{Payloads.Describe(occurred)}: no client, and TrafficChanged is never kept", "PM-E10");
            return;
        }

        lock (_pending)
        {
            _pending.Add(occurred);
        }

        if (_client is null)
        {
            Log(JournalKinds.Kept, 0, $"{Payloads.Describe(occurred)}: no client; kept for the next one", "PM-E10");
            return;
        }

        if (_client.Phase == Phase.Idle)
        {
            await DeliverNextAsync(_client).ConfigureAwait(false);
        }
    }

    private async Task OnInboundAsync(FrameConnection connection, Inbound inbound)
    {
        if (_client?.Connection != connection)
        {
            return;
        }

        if (inbound.Read is not { IsFrame: true } frame)
        {
            var (requirement, detail) = inbound.Describe();
            var peerClosed = inbound.Read is { IsEnd: true } || inbound.Read is null;
            await DisconnectAsync(detail, requirement, peerClosed ? JournalKinds.PeerClosed : JournalKinds.Fault).ConfigureAwait(false);
            return;
        }

        var (message, kind, problem) = Payloads.Decode(frame.Payload);
        if (message is null)
        {
            // PM-F03: a payload that is not a message is never acted on; it costs the connection.
            await DisconnectAsync($"frame {frame.FrameNumber} is not a message: {problem}", "PM-F03", JournalKinds.Fault).ConfigureAwait(false);
            return;
        }

        connection.Form = kind!.Value;
        Log(JournalKinds.Received, connection.Number, Payloads.Describe(message));
        var client = _client;
        switch (message)
        {
            case Handshake { Sender: HandshakeSender.Client } when client.Phase == Phase.AwaitingHandshake:
                client.Disarm();

                // PM-E03: the answer that shows the client can hear the service.
                if (await SendAsync(client, new Handshake(HandshakeSender.Service)).ConfigureAwait(false))
                {
                    client.Phase = Phase.Idle;
                    await DeliverNextAsync(client).ConfigureAwait(false);
                }

                break;
            case Handshake { Sender: HandshakeSender.Client } when client.Phase == Phase.AwaitingKeepAliveAnswer:
                client.Disarm();
                client.Phase = Phase.Idle;
                await DeliverNextAsync(client).ConfigureAwait(false);
                break;
            case Handshake { Sender: HandshakeSender.Client }:
                Log(JournalKinds.Ignored, connection.Number, "a Handshake the service did not ask for");
                break;
            case Confirmation confirmation when client.Phase == Phase.AwaitingConfirmation && confirmation.EventId == Head()?.EventId:
                client.Disarm();
                lock (_pending)
                {
                    _pending.RemoveAt(0);
                }

                // PM-E09: a confirmed event is done with; it is never delivered again.
                Log(JournalKinds.Confirmed, connection.Number, $"event {confirmation.EventId}", "PM-E06");
                client.Phase = Phase.Idle;
                await DeliverNextAsync(client).ConfigureAwait(false);
                break;
            case Confirmation confirmation:
                Log(JournalKinds.Ignored, connection.Number, $"a Confirmation of {confirmation.EventId}, which is not the event awaiting one");
                break;
            default:
                // A service Handshake from the client, or any other message: before the client's Handshake it breaks PM-E02.
                await DisconnectAsync($"a {message.MessageType} has no place from an event-pipe client{(client.Phase == Phase.AwaitingHandshake ? " before its Handshake" : "")}",
                    client.Phase == Phase.AwaitingHandshake ? "PM-E02" : "PM-F03", JournalKinds.Fault).ConfigureAwait(false);
                break;
        }
    }

    private async Task DeliverNextAsync(Client client)
    {
        if (Head() is { } next)
        {
            if (await SendAsync(client, next).ConfigureAwait(false))
            {
                client.Phase = Phase.AwaitingConfirmation;

                // PM-E06: the event waits for its Confirmation.
                Arm(client, _settings.ConfirmationDeadline, OnUnconfirmedAsync);
            }

            return;
        }

        // PM-E05: no event for the idle interval means a liveness check.
        Arm(client, _settings.IdleInterval, OnIdleAsync);
    }

    private async Task OnIdleAsync(Client client)
    {
        // Stryker disable once Block,Statement : unreachable while the generation check stands: every step out of Idle re-arms the client, so an idle timer still current finds it Idle
        if (client.Phase != Phase.Idle)
        {
            return;
        }

        if (await SendAsync(client, new Handshake(HandshakeSender.Service)).ConfigureAwait(false))
        {
            client.Phase = Phase.AwaitingKeepAliveAnswer;
            Arm(client, _settings.KeepAliveAnswerDeadline,
                _ => DisconnectAsync($"no answer to the service's Handshake within {Ms(_settings.KeepAliveAnswerDeadline)}", "PM-E05", JournalKinds.TimedOut));
        }
    }

    private async Task OnUnconfirmedAsync(Client client)
    {
        var unconfirmed = Head()!;
        if (unconfirmed.EventType == EventTypes.TrafficChanged)
        {
            // PM-E08: TrafficChanged is never kept; the connection stays.
            lock (_pending)
            {
                _pending.RemoveAt(0);
            }

            Log(JournalKinds.Discarded, client.Connection.Number, $"{Payloads.Describe(unconfirmed)} unconfirmed within {Ms(_settings.ConfirmationDeadline)}; dropped, the connection kept", "PM-E08");
            client.Phase = Phase.Idle;
            await DeliverNextAsync(client).ConfigureAwait(false);
            return;
        }

        // PM-E07: the event stays at the head, for the next client right after its handshake.
        Log(JournalKinds.Kept, client.Connection.Number, $"{Payloads.Describe(unconfirmed)} unconfirmed within {Ms(_settings.ConfirmationDeadline)}; kept for the next client", "PM-E07");
        await DisconnectAsync("an event went unconfirmed", "PM-E07").ConfigureAwait(false);
    }

    private async Task<bool> SendAsync(Client client, PipeMessage message)
    {
        if (await client.Connection.SendAsync(message).ConfigureAwait(false))
        {
            Log(JournalKinds.Sent, client.Connection.Number, Payloads.Describe(message));
            return true;
        }

        await DisconnectAsync($"the client did not take the {message.MessageType}", null, JournalKinds.PeerClosed).ConfigureAwait(false);
        return false;
    }

    private async Task DisconnectAsync(string reason, string? requirement = null, string kind = JournalKinds.Disconnected)
    {
        if (_client is not { } client)
        {
            return;
        }

        _client = null;
        client.Disarm();
        int dropped;
        lock (_pending)
        {
            // PM-E08: an undelivered TrafficChanged goes with the connection it was meant for.
            dropped = _pending.RemoveAll(pending => pending.EventType == EventTypes.TrafficChanged);
        }

        Log(kind, client.Connection.Number, reason, requirement);
        if (kind != JournalKinds.Disconnected)
        {
            Log(JournalKinds.Disconnected, client.Connection.Number, "the service closed the connection");
        }

        if (dropped > 0)
        {
            Log(JournalKinds.Discarded, client.Connection.Number, $"{dropped} undelivered TrafficChanged event(s) dropped with the connection", "PM-E08");
        }

        await client.Connection.DisposeAsync().ConfigureAwait(false);
        client.Ended?.Invoke();
        if (_waiting.TryTakeNext(out var next))
        {
            await OnAttachAsync(next.Stream, next.Ended).ConfigureAwait(false);
        }
    }

    private void Arm(Client client, TimeSpan after, Func<Client, Task> onDue)
    {
        client.Disarm();
        var generation = client.Generation;
        client.Timer = _time.CreateTimer(
            _ => _actor.Post(() => _client == client && client.Generation == generation ? onDue(client) : Task.CompletedTask),
            null,
            after,
            Timeout.InfiniteTimeSpan);
    }

    private Event? Head()
    {
        lock (_pending)
        {
            return _pending.Count > 0 ? _pending[0] : null;
        }
    }

    private void Log(string kind, int connection, string detail, string? requirement = null) =>
        Journal.Add(new PipeJournalEntry(_time.GetUtcNow(), kind, connection, detail, requirement));

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:0} ms";

    private enum Phase
    {
        AwaitingHandshake,
        Idle,
        AwaitingKeepAliveAnswer,
        AwaitingConfirmation,
    }

    private sealed class Client(FrameConnection connection, Action? ended)
    {
        public FrameConnection Connection { get; } = connection;

        public Action? Ended { get; } = ended;

        public Phase Phase { get; set; } = Phase.AwaitingHandshake;

        public ITimer? Timer { get; set; }

        // A timer that fell due just before it was disarmed finds a newer generation and does nothing.
        public int Generation { get; private set; }

        public void Disarm()
        {
            // Stryker disable once Update : counting down changes the generation just as well; a stale timer only needs it to differ
            Generation++;
            Timer?.Dispose();
            Timer = null;
        }
    }
}

using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// The reference event-pipe client. Each instance sends its Handshake as soon as it connects (PM-E02) and waits
/// for the service's; an exchange not complete within the time-out makes the instance dispose of itself, and a
/// new instance connects at once (PM-E04). It answers the service's idle-time Handshakes (PM-E05) and confirms
/// every Event (PM-E06). A connection that ends, or a frame that breaks the protocol, is likewise replaced.
/// </summary>
public sealed class EventPipeClient : IAsyncDisposable
{
    private readonly EventPipeClientSettings _settings;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<Stream>> _connect;
    private readonly Actor _actor;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Event> _received = [];
    private Instance? _instance;
    private ITimer? _retry;
    private int _instances;
    private bool _stopped;

    /// <summary>Creates the client; <paramref name="connect"/> opens a connection to the service's event pipe.</summary>
    public EventPipeClient(Func<CancellationToken, Task<Stream>> connect, EventPipeClientSettings? settings = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connect);
        _connect = connect;
        _settings = settings ?? new EventPipeClientSettings();
        _time = time ?? TimeProvider.System;
        _actor = new Actor(exception => Log(JournalKinds.Crashed, 0, exception.ToString()));
    }

    /// <summary>What the client did and saw.</summary>
    public PipeJournal Journal { get; } = new();

    /// <summary>True when the client has nothing left to do until the service writes or a timer falls due.</summary>
    public bool IsIdle => _actor.IsIdle;

    /// <summary>How many instances have connected so far.</summary>
    public int Instances => Volatile.Read(ref _instances);

    /// <summary>Every event delivered to the application, in order.</summary>
    public IReadOnlyList<Event> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>Completes once the client has handled everything so far.</summary>
    public Task WhenIdleAsync() => _actor.WhenIdleAsync();

    /// <summary>Connects the first instance.</summary>
    public void Start() => _actor.Post(ConnectAsync);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _actor.StopAfterAsync(async () =>
        {
            // Stryker disable once Boolean : the actor runs nothing after this last work, so no ConnectAsync can see the flag; it stays as a guard
            _stopped = true;
            _retry?.Dispose();
            if (_instance is { } instance)
            {
                _instance = null;
                instance.Timer?.Dispose();
                await instance.Connection.DisposeAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        // Stryker disable once Statement : the source has no timer, so disposing it releases nothing observable
        _stop.Dispose();
    }

    private async Task ConnectAsync()
    {
        if (_stopped || _instance is not null)
        {
            return;
        }

        Stream stream;
        try
        {
            stream = await _connect(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !_stop.IsCancellationRequested)
        {
            Log(JournalKinds.ConnectFailed, 0, $"{exception.Message}; trying again in {_settings.RetryInterval.TotalMilliseconds:0} ms");
            _retry = _time.CreateTimer(_ => _actor.Post(ConnectAsync), null, _settings.RetryInterval, Timeout.InfiniteTimeSpan);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var number = Interlocked.Increment(ref _instances);
        var instance = new Instance(new FrameConnection(number, stream, _settings.Frames, _actor, _time, _settings.WriteBound) { Form = _settings.Form });
        _instance = instance;
        Log(JournalKinds.Accepted, number, "connected to the service");
        instance.Connection.StartReading(OnInboundAsync);

        // PM-E02: the Handshake goes first, at once.
        if (!await SendAsync(instance, new Handshake(HandshakeSender.Client)).ConfigureAwait(false))
        {
            return;
        }

        // PM-E04: the exchange must complete within the time-out, or this instance goes. A time-out that falls due as
        // the Handshake comes finds the instance handshaken; one that falls due as the instance goes, a stale instance.
        instance.Timer = _time.CreateTimer(
            _ => _actor.Post(() => !instance.Handshaken
                ? ReplaceAsync(instance, $"no Handshake from the service within {_settings.HandshakeTimeout.TotalMilliseconds:0} ms; this instance disposes of itself", "PM-E04", JournalKinds.TimedOut)
                : Task.CompletedTask),
            null,
            _settings.HandshakeTimeout,
            Timeout.InfiniteTimeSpan);
    }

    private async Task OnInboundAsync(FrameConnection connection, Inbound inbound)
    {
        if (_instance?.Connection != connection)
        {
            return;
        }

        var instance = _instance;
        if (inbound.Read is not { IsFrame: true } frame)
        {
            var (requirement, detail) = inbound.Describe();
            var peerClosed = inbound.Read is { IsEnd: true } || inbound.Read is null;
            await ReplaceAsync(instance, detail, requirement, peerClosed ? JournalKinds.PeerClosed : JournalKinds.Fault).ConfigureAwait(false);
            return;
        }

        var (message, _, problem) = Payloads.Decode(frame.Payload);
        if (message is null)
        {
            await ReplaceAsync(instance, $"frame {frame.FrameNumber} is not a message: {problem}", "PM-F03", JournalKinds.Fault).ConfigureAwait(false);
            return;
        }

        Log(JournalKinds.Received, connection.Number, Payloads.Describe(message));
        switch (message)
        {
            case Handshake { Sender: HandshakeSender.Service } when !instance.Handshaken:
                instance.Handshaken = true;
                instance.Timer?.Dispose();
                break;
            case Handshake { Sender: HandshakeSender.Service }:
                // PM-E05: the service's idle-time check is answered at once.
                await SendAsync(instance, new Handshake(HandshakeSender.Client)).ConfigureAwait(false);
                break;
            case Event @event:
                lock (_received)
                {
                    _received.Add(@event);
                }

                // PM-E06: every event is confirmed with its eventId.
                await SendAsync(instance, new Confirmation(@event.EventId)).ConfigureAwait(false);
                break;
            default:
                await ReplaceAsync(instance, $"a {message.MessageType} has no place from an event-pipe service", "PM-F03", JournalKinds.Fault).ConfigureAwait(false);
                break;
        }
    }

    private async Task<bool> SendAsync(Instance instance, PipeMessage message)
    {
        if (await instance.Connection.SendAsync(message).ConfigureAwait(false))
        {
            Log(JournalKinds.Sent, instance.Connection.Number, Payloads.Describe(message));
            return true;
        }

        await ReplaceAsync(instance, $"the service did not take the {message.MessageType}", null, JournalKinds.PeerClosed).ConfigureAwait(false);
        return false;
    }

    private async Task ReplaceAsync(Instance instance, string reason, string? requirement, string kind)
    {
        if (_instance != instance)
        {
            return;
        }

        _instance = null;
        instance.Timer?.Dispose();
        Log(kind, instance.Connection.Number, reason, requirement);
        await instance.Connection.DisposeAsync().ConfigureAwait(false);
        if (kind != JournalKinds.PeerClosed)
        {
            Log(JournalKinds.Disconnected, instance.Connection.Number, "the instance closed its connection and disposed of itself");
        }

        // PM-E04: a new instance takes its place at once.
        await ConnectAsync().ConfigureAwait(false);
    }

    private void Log(string kind, int connection, string detail, string? requirement = null) =>
        Journal.Add(new PipeJournalEntry(_time.GetUtcNow(), kind, connection, detail, requirement));

    private sealed class Instance(FrameConnection connection)
    {
        public FrameConnection Connection { get; } = connection;

        public bool Handshaken { get; set; }

        public ITimer? Timer { get; set; }
    }
}

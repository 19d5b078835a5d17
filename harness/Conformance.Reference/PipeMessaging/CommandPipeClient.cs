using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// The reference command-pipe client: each request on a connection of its own (PM-C01), waiting for the answer as
/// long as its configurable time-out allows, 10 s by default (PM-C04). A Response is taken only whole and only
/// with the request's requestId; a connection that ends first, or a frame that breaks the protocol, fails the request.
/// </summary>
public sealed class CommandPipeClient : IAsyncDisposable
{
    private readonly CommandPipeClientSettings _settings;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<Stream>> _connect;
    private readonly Actor _actor;
    private Exchange? _exchange;
    private int _connections;

    /// <summary>Creates the client; <paramref name="connect"/> opens a connection to the server's command pipe.</summary>
    public CommandPipeClient(Func<CancellationToken, Task<Stream>> connect, CommandPipeClientSettings? settings = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connect);
        _connect = connect;
        _settings = settings ?? new CommandPipeClientSettings();
        _time = time ?? TimeProvider.System;
        _actor = new Actor(exception => Log(JournalKinds.Crashed, 0, exception.ToString()));
    }

    /// <summary>What the client did and saw.</summary>
    public PipeJournal Journal { get; } = new();

    /// <summary>True when the client has nothing left to do until the server writes or the time-out falls due.</summary>
    public bool IsIdle => _actor.IsIdle;

    /// <summary>Completes once the client has handled everything so far.</summary>
    public Task WhenIdleAsync() => _actor.WhenIdleAsync();

    /// <summary>Sends <paramref name="request"/> on a new connection and waits for its response, at most the time-out.</summary>
    public Task<CommandOutcome> SendAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Post(() => StartAsync(request, outcome, cancellationToken));
        return outcome.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _actor.StopAfterAsync(async () =>
        {
            if (_exchange is { } exchange)
            {
                await FinishAsync(exchange, new CommandOutcome(null, "the client was disposed")).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    private async Task StartAsync(Request request, TaskCompletionSource<CommandOutcome> outcome, CancellationToken cancellationToken)
    {
        if (_exchange is not null)
        {
            outcome.TrySetResult(new CommandOutcome(null, "another request is under way"));
            return;
        }

        Stream stream;
        try
        {
            stream = await _connect(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log(JournalKinds.ConnectFailed, 0, exception.Message);
            outcome.TrySetResult(new CommandOutcome(null, $"could not connect: {exception.Message}"));
            return;
        }

        var connection = new FrameConnection(++_connections, stream, _settings.Frames, _actor, _time, _settings.WriteBound) { Form = _settings.Form };
        var exchange = new Exchange(connection, request, outcome);
        _exchange = exchange;
        Log(JournalKinds.Accepted, connection.Number, "connected to the server");
        connection.StartReading(OnInboundAsync);
        if (!await connection.SendAsync(request).ConfigureAwait(false))
        {
            await FinishAsync(exchange, new CommandOutcome(null, "the server did not take the request"), JournalKinds.PeerClosed).ConfigureAwait(false);
            return;
        }

        Log(JournalKinds.Sent, connection.Number, Payloads.Describe(request));

        // PM-C04: the client's own, configurable patience; a time-out that falls due as the exchange ends finds it no longer current.
        exchange.Timer = _time.CreateTimer(
            _ => _actor.Post(() => FinishAsync(exchange, new CommandOutcome(null, $"no response within {_settings.ResponseTimeout.TotalSeconds:0.###} s"), JournalKinds.TimedOut, "PM-C04")),
            null,
            _settings.ResponseTimeout,
            Timeout.InfiniteTimeSpan);
    }

    private async Task OnInboundAsync(FrameConnection connection, Inbound inbound)
    {
        if (_exchange?.Connection != connection)
        {
            return;
        }

        var exchange = _exchange;
        if (inbound.Read is not { IsFrame: true } frame)
        {
            // PM-F05: a response cut off by the end of the stream is no response.
            var (requirement, detail) = inbound.Describe();
            var peerClosed = inbound.Read is { IsEnd: true } || inbound.Read is null;
            await FinishAsync(exchange, new CommandOutcome(null, detail), peerClosed ? JournalKinds.PeerClosed : JournalKinds.Fault, requirement).ConfigureAwait(false);
            return;
        }

        var (message, _, problem) = Payloads.Decode(frame.Payload);
        if (message is Response response && response.RequestId == exchange.Request.RequestId)
        {
            Log(JournalKinds.Received, connection.Number, Payloads.Describe(response));
            await FinishAsync(exchange, new CommandOutcome(response, null)).ConfigureAwait(false);
            return;
        }

        var what = message is null ? $"not a message: {problem}" : $"{Payloads.Describe(message)}, not the response to request {exchange.Request.RequestId}";
        await FinishAsync(exchange, new CommandOutcome(null, $"frame {frame.FrameNumber} is {what}"), JournalKinds.Fault, "PM-F03").ConfigureAwait(false);
    }

    private async Task FinishAsync(Exchange exchange, CommandOutcome outcome, string kind = JournalKinds.Disconnected, string? requirement = null)
    {
        if (_exchange != exchange)
        {
            return;
        }

        _exchange = null;
        exchange.Timer?.Dispose();
        if (outcome.Failure is { } failure)
        {
            Log(kind, exchange.Connection.Number, failure, requirement);
        }

        await exchange.Connection.DisposeAsync().ConfigureAwait(false);
        Log(JournalKinds.Disconnected, exchange.Connection.Number, "the client closed its connection");
        exchange.Outcome.TrySetResult(outcome);
    }

    private void Log(string kind, int connection, string detail, string? requirement = null) =>
        Journal.Add(new PipeJournalEntry(_time.GetUtcNow(), kind, connection, detail, requirement));

    private sealed class Exchange(FrameConnection connection, Request request, TaskCompletionSource<CommandOutcome> outcome)
    {
        public FrameConnection Connection { get; } = connection;

        public Request Request { get; } = request;

        public TaskCompletionSource<CommandOutcome> Outcome { get; } = outcome;

        public ITimer? Timer { get; set; }
    }
}

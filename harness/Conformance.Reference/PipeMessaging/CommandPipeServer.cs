using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// The reference command-pipe server: one client at a time, the others waiting their turn (PM-C02); from each,
/// one Request answered by one Response, then the connection closed (PM-C01); a client without a whole request
/// within the deadline is disconnected (PM-C03). A frame or payload that breaks the protocol costs only its
/// connection. What a request does is up to <see cref="CommandHandler"/>.
/// </summary>
public sealed class CommandPipeServer : IAsyncDisposable
{
    private readonly CommandPipeServerSettings _settings;
    private readonly TimeProvider _time;
    private readonly Func<Request, Response> _handler;
    private readonly Actor _actor;
    private readonly WaitingClients _waiting = new();
    private Served? _current;
    private int _connections;

    /// <summary>Creates the server; <paramref name="handler"/> carries out each request.</summary>
    public CommandPipeServer(Func<Request, Response> handler, CommandPipeServerSettings? settings = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        _settings = settings ?? new CommandPipeServerSettings();
        _time = time ?? TimeProvider.System;
        _actor = new Actor(exception => Log(JournalKinds.Crashed, 0, exception.ToString()));
    }

    /// <summary>What the server did and saw.</summary>
    public PipeJournal Journal { get; } = new();

    /// <summary>True when the server has nothing left to do until a client writes or a deadline falls due.</summary>
    public bool IsIdle => _actor.IsIdle;

    /// <summary>Completes once the server has handled everything handed to it so far.</summary>
    public Task WhenIdleAsync() => _actor.WhenIdleAsync();

    /// <summary>A client connected on <paramref name="stream"/>; <paramref name="ended"/> is called once the server has closed it.</summary>
    public void Attach(Stream stream, Action? ended = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _actor.Post(() => OnAttach(stream, ended));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _actor.StopAfterAsync(() => _waiting.CloseAllAfterAsync(() => _current is null ? Task.CompletedTask : CloseAsync("the server is stopping")))
            .ConfigureAwait(false);
    }

    private void OnAttach(Stream stream, Action? ended)
    {
        if (_current is not null)
        {
            // PM-C02: one client at a time; the next waits its turn and is never dropped.
            _waiting.Add(stream, ended);
            Log(JournalKinds.Waiting, _connections + _waiting.Count, "a client connected while another is served; it waits its turn", "PM-C02");
            return;
        }

        var connection = new FrameConnection(++_connections, stream, _settings.Frames, _actor, _time, _settings.WriteBound);
        var served = new Served(connection, ended);
        _current = served;
        Log(JournalKinds.Accepted, connection.Number, "a client connected");
        connection.StartReading(OnInboundAsync);

        // PM-C03: the whole request is due within the deadline of being accepted.
        served.Timer = _time.CreateTimer(
            _ => _actor.Post(() => _current == served && !served.Answering
                ? CloseAsync($"no whole request within {_settings.RequestDeadline.TotalSeconds:0.###} s", "PM-C03", JournalKinds.TimedOut)
                : Task.CompletedTask),
            null,
            _settings.RequestDeadline,
            Timeout.InfiniteTimeSpan);
    }

    private async Task OnInboundAsync(FrameConnection connection, Inbound inbound)
    {
        if (_current?.Connection != connection || _current.Answering)
        {
            return;
        }

        if (inbound.Read is not { IsFrame: true } frame)
        {
            var (requirement, detail) = inbound.Describe();
            var peerClosed = inbound.Read is { IsEnd: true } || inbound.Read is null;
            await CloseAsync(detail, requirement, peerClosed ? JournalKinds.PeerClosed : JournalKinds.Fault).ConfigureAwait(false);
            return;
        }

        var served = _current;

        // Stryker disable once Boolean : every path from here closes the connection within this same actor item, so no later item (frame or deadline check) finds this client current to see the flag
        served.Answering = true;
        served.Timer?.Dispose();

        // PM-C01: one request per connection; nothing after it is read.
        connection.StopReading();
        var (message, kind, problem) = Payloads.Decode(frame.Payload);
        if (message is not Request request)
        {
            var what = message is null ? $"not a message: {problem}" : $"a {message.MessageType}, not a Request";
            await CloseAsync($"frame {frame.FrameNumber} is {what}", "PM-F03", JournalKinds.Fault).ConfigureAwait(false);
            return;
        }

        connection.Form = kind!.Value;
        Log(JournalKinds.Received, connection.Number, Payloads.Describe(request));
        Response response;
        try
        {
            response = _handler(request);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            response = Response.Failure(request.RequestId, $"the command failed: {exception.Message}");
        }

        if (await connection.SendAsync(response).ConfigureAwait(false))
        {
            Log(JournalKinds.Sent, connection.Number, Payloads.Describe(response), "PM-C01");
        }

        await CloseAsync("one request, one response: the exchange is over", "PM-C01").ConfigureAwait(false);
    }

    private async Task CloseAsync(string reason, string? requirement = null, string kind = JournalKinds.Disconnected)
    {
        if (_current is not { } served)
        {
            return;
        }

        _current = null;
        served.Timer?.Dispose();
        Log(kind, served.Connection.Number, reason, requirement);
        if (kind != JournalKinds.Disconnected)
        {
            Log(JournalKinds.Disconnected, served.Connection.Number, "the server closed the connection");
        }

        await served.Connection.DisposeAsync().ConfigureAwait(false);
        served.Ended?.Invoke();
        if (_waiting.TryTakeNext(out var next))
        {
            OnAttach(next.Stream, next.Ended);
        }
    }

    private void Log(string kind, int connection, string detail, string? requirement = null) =>
        Journal.Add(new PipeJournalEntry(_time.GetUtcNow(), kind, connection, detail, requirement));

    private sealed class Served(FrameConnection connection, Action? ended)
    {
        public FrameConnection Connection { get; } = connection;

        public Action? Ended { get; } = ended;

        public ITimer? Timer { get; set; }

        public bool Answering { get; set; }
    }
}

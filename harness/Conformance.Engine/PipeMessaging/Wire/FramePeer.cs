using System.Net.Sockets;
using Conformance.Engine.Validation;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Protocols.Threading;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.PipeMessaging.Wire;

/// <summary>
/// The harness's end of one Pipe Messaging connection, playing a client or a service: it reads every frame the
/// other side sends into a log, judging each payload (PM-F03) as it arrives, and writes messages, whole or cut
/// into pieces, and hostile bytes. Every wait on it is bounded.
/// </summary>
internal sealed class FramePeer : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PeerClock _clock;
    private readonly SchemaSet _schemas;
    private readonly Lock _gate = new();
    private readonly List<WireEntry> _entries = [];
    private readonly ChangeSignal _changed = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task _reading = Task.CompletedTask;
    private long _sentFrames;
    private int _disposed;

    /// <summary>Creates the end named <paramref name="name"/> over <paramref name="stream"/>.</summary>
    public FramePeer(string name, Stream stream, PeerClock clock, SchemaSet schemas)
    {
        Name = name;
        _stream = stream;
        _clock = clock;
        _schemas = schemas;
    }

    /// <summary>Who this end is in the script ("client 1", "the service").</summary>
    public string Name { get; }

    /// <summary>When the connection was made, on the peer's clock.</summary>
    public TimeSpan OpenedAt { get; private set; }

    /// <summary>Everything so far, in order.</summary>
    public IReadOnlyList<WireEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToList();
            }
        }
    }

    /// <summary>The whole frames received so far.</summary>
    public IReadOnlyList<WireEntry> Received => Entries.Where(entry => entry.Kind == WireKind.Received).ToList();

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<PipeMessage> Messages => Received.Select(entry => entry.Message).OfType<PipeMessage>().ToList();

    /// <summary>When the other side ended the stream, or broke the framing; null while it is open.</summary>
    public TimeSpan? EndedAt => Entries.FirstOrDefault(entry => entry.Kind is WireKind.PeerClosed or WireKind.Fault)?.At;

    /// <summary>True once the other side ended the stream or broke the framing.</summary>
    public bool Ended => EndedAt is not null;

    /// <summary>True once the harness closed its end.</summary>
    public bool Closed => Volatile.Read(ref _disposed) == 1;

    /// <summary>Starts reading; the peer's log grows from now on.</summary>
    public void Start()
    {
        OpenedAt = _clock.Now();
        _reading = ReadAsync();
    }

    /// <summary>Sends <paramref name="message"/> as one frame in <paramref name="kind"/>.</summary>
    /// <remarks>The harness's own messages are judged like the other side's (PM-F03): the entry carries the check.</remarks>
    public Task SendAsync(PipeMessage message, PayloadKind kind = PayloadKind.Json, CancellationToken cancellationToken = default)
    {
        var payload = PipeMessageCodec.Encode(message, kind);
        var entry = new WireEntry(default, WireKind.Sent, Interlocked.Increment(ref _sentFrames), message, PayloadCheck.Of(payload, _schemas), kind == PayloadKind.Xml ? "as XML" : null);
        return WriteAsync(FrameWriter.Encode(payload), entry, cancellationToken);
    }

    /// <summary>Sends <paramref name="messages"/> as JSON frames in one write, so the other side may read them in one read (PM-F04); each is logged as sent.</summary>
    public async Task SendTogetherAsync(IReadOnlyList<PipeMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var payloads = messages.Select(message => PipeMessageCodec.Encode(message, PayloadKind.Json)).ToList();
        byte[] bytes = [.. payloads.SelectMany(payload => FrameWriter.Encode(payload))];
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var at = _clock.Now();
            for (var index = 0; index < messages.Count; index++)
            {
                Log(new WireEntry(at, WireKind.Sent, Interlocked.Increment(ref _sentFrames), messages[index], PayloadCheck.Of(payloads[index], _schemas), $"{index + 1} of {messages.Count} in one write"));
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            Log(new WireEntry(_clock.Now(), WireKind.SentBytes, Detail: $"{messages.Count} frames could not be written: the other side has closed"));
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The messages the harness sent on this connection, in order.</summary>
    public IReadOnlyList<PipeMessage> SentMessages => Entries.Where(entry => entry.Kind == WireKind.Sent).Select(entry => entry.Message).OfType<PipeMessage>().ToList();

    /// <summary>Sends raw bytes, described by <paramref name="what"/>: a hostile header, part of a frame, several frames at once.</summary>
    public Task SendBytesAsync(ReadOnlyMemory<byte> bytes, string what, CancellationToken cancellationToken = default) =>
        WriteAsync(bytes, new WireEntry(default, WireKind.SentBytes, Detail: $"{what} ({bytes.Length} bytes)"), cancellationToken);

    /// <summary>
    /// Waits until the other side has read everything sent so far, at most <paramref name="bound"/>; false when the
    /// bound passed first, or the transport cannot tell (then the caller paces its writes otherwise).
    /// </summary>
    public Task<bool> WaitUntilTakenAsync(TimeSpan bound, CancellationToken cancellationToken = default) =>
        PipeBacklog.WaitUntilTakenAsync(_stream, bound, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="bound"/>; true when it holds.</summary>
    public Task<bool> WaitUntilAsync(Func<FramePeer, bool> condition, TimeSpan bound, CancellationToken cancellationToken = default) =>
        _changed.WaitUntilAsync(() => condition(this), bound, cancellationToken);

    /// <summary>Waits for a received message that satisfies <paramref name="match"/> after entry <paramref name="after"/>, at most <paramref name="bound"/>.</summary>
    public async Task<WireEntry?> WaitForAsync(Func<PipeMessage, bool> match, TimeSpan bound, int after = 0, CancellationToken cancellationToken = default)
    {
        WireEntry? Found() => Entries.Skip(after).FirstOrDefault(entry => entry.Kind == WireKind.Received && entry.Message is { } message && match(message));
        await WaitUntilAsync(_ => Found() is not null || Ended, bound, cancellationToken).ConfigureAwait(false);
        return Found();
    }

    /// <summary>Ends the harness's writing only, where the transport allows it: the other side reads the end of the stream, and can still answer.</summary>
    public void EndWriting()
    {
        // Logged before it is done: the other side's answer to it (its own close) must come after it in the log.
        Log(new WireEntry(_clock.Now(), WireKind.Closed, Detail: "the harness ended its writing"));
        switch (_stream)
        {
            case NetworkStream network:
                network.Socket.Shutdown(SocketShutdown.Send);
                break;
            case IHalfClosable memory:
                memory.EndWriting();
                break;
            default:
                _stream.Dispose();
                break;
        }
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Log(new WireEntry(_clock.Now(), WireKind.Closed, Detail: "the harness closed the connection"));
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            // Already gone.
        }

        try
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The reader stops with the stream; a reader that does not is abandoned with it.
        }

        _stop.Dispose();
        _writing.Dispose();
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, WireEntry entry, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Logged as it is written, before the other side can answer it: an answer (or a close) comes after it in the log.
            var logged = Log(entry with { At = _clock.Now() });
            try
            {
                await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
            {
                Replace(logged, logged with { Detail = $"{entry.Detail ?? "the message"} could not be written: the other side has closed" });
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadAsync()
    {
        // Started inline: on an in-memory pipe the first read is pending before Start returns, so no byte goes unseen.
        await using var reader = FrameReader.FromStream(_stream);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (result.IsFrame)
                {
                    // Timed as it arrives, before the (slower) judging of its payload.
                    var at = _clock.ReceivedAt(reader.BytesRead);
                    var check = PayloadCheck.Of(result.Payload.Span, _schemas);
                    Log(new WireEntry(at, WireKind.Received, result.FrameNumber, check.Message, check));
                    continue;
                }

                var closedAt = _clock.ClosedAt();
                Log(result.IsEnd
                    ? new WireEntry(closedAt, WireKind.PeerClosed, Detail: "the other side closed the connection")
                    : new WireEntry(closedAt, WireKind.Fault, result.FrameNumber, Detail: result.Message, Error: result.Error));
                return;
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException or OperationCanceledException or InvalidOperationException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Log(new WireEntry(_clock.Now(), WireKind.PeerClosed, Detail: $"the connection broke: {exception.Message}"));
            }
        }
        finally
        {
            if (_stream is IHalfClosable memory)
            {
                memory.StopReading();
            }
        }
    }

    private WireEntry Log(WireEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _changed.Notify();
        return entry;
    }

    private void Replace(WireEntry logged, WireEntry entry)
    {
        lock (_gate)
        {
            _entries[_entries.FindLastIndex(candidate => ReferenceEquals(candidate, logged))] = entry;
        }

        _changed.Notify();
    }
}

/// <summary>A stream whose writing can end on its own, and which can be told that nobody reads it any more.</summary>
internal interface IHalfClosable
{
    /// <summary>Ends this side's writing: the other side reads the end of the stream.</summary>
    void EndWriting();

    /// <summary>Nobody will read this side again.</summary>
    void StopReading();
}

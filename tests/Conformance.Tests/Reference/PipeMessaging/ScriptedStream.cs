using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Tests.Support;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>
/// A reference role's end of a connection, scripted by the test: the messages given up front are there to read at
/// once (so the role reads them while it accepts the client, before it sets any deadline), later ones arrive with
/// <see cref="Send"/>; every write runs <see cref="OnWrite"/> on the writer's thread, so a test can look at the role
/// in the middle of its work; the end of the stream comes when it is disposed.
/// </summary>
internal sealed class ScriptedStream : TransportStream
{
    private readonly Lock _gate = new();
    private readonly Queue<byte> _unread = new();
    private readonly bool _failWrites;
    private TaskCompletionSource<int>? _waitingRead;
    private Memory<byte> _waitingBuffer;
    private bool _ended;

    public ScriptedStream(bool failWrites = false, params PipeMessage[] messages)
    {
        _failWrites = failWrites;
        foreach (var message in messages)
        {
            Append(message);
        }
    }

    public ScriptedStream(params PipeMessage[] messages)
        : this(false, messages)
    {
    }

    /// <summary>Runs at each write, before it completes.</summary>
    public Action? OnWrite { get; set; }

    /// <summary>The cancellation token of the latest read: a role that stops reading cancels it.</summary>
    public CancellationToken LastReadToken { get; private set; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    /// <summary>The client sends <paramref name="message"/>: a read waiting for it completes.</summary>
    public void Send(PipeMessage message)
    {
        TaskCompletionSource<int>? read;
        int count;
        lock (_gate)
        {
            Append(message);
            (read, count) = TakeWaitingRead();
        }

        read?.TrySetResult(count);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            LastReadToken = cancellationToken;
            if (_unread.Count > 0)
            {
                return ValueTask.FromResult(Copy(buffer));
            }

            if (_ended)
            {
                return ValueTask.FromResult(0);
            }

            var read = new TaskCompletionSource<int>();
            _waitingRead = read;
            _waitingBuffer = buffer;
            cancellationToken.Register(() => read.TrySetCanceled(cancellationToken));
            return new ValueTask<int>(read.Task);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failWrites)
        {
            return ValueTask.FromException(new IOException("the client is gone"));
        }

        OnWrite?.Invoke();
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        TaskCompletionSource<int>? read;
        lock (_gate)
        {
            _ended = true;
            read = _waitingRead;
            _waitingRead = null;
        }

        read?.TrySetResult(0);
        base.Dispose(disposing);
    }

    private void Append(PipeMessage message)
    {
        foreach (var value in FrameWriter.Encode(PipeMessageCodec.Encode(message, PayloadKind.Json)))
        {
            _unread.Enqueue(value);
        }
    }

    private (TaskCompletionSource<int>? Read, int Count) TakeWaitingRead()
    {
        if (_waitingRead is not { } read)
        {
            return (null, 0);
        }

        _waitingRead = null;
        return (read, Copy(_waitingBuffer));
    }

    private int Copy(Memory<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _unread.Count);
        var span = buffer.Span;
        for (var index = 0; index < count; index++)
        {
            span[index] = _unread.Dequeue();
        }

        return count;
    }
}

using System.Buffers;
using System.IO.Pipelines;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Timing;
using Conformance.Protocols.Threading;

namespace Conformance.Engine.PipeMessaging.InProcess;

/// <summary>
/// A connection without a kernel for manual-clock scenarios: two ends, what one writes the other reads, every
/// write stamped with the manual clock's time. Each end knows whether its reader has settled — waiting with
/// every byte sent to it taken, stopped, or closed — so a scenario can wait until nothing is in flight.
/// </summary>
internal sealed class MemoryPipe
{
    private static readonly PipeOptions Unbounded = new(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false);

    public MemoryPipe(ManualTimeProvider clock, ChangeSignal settled)
    {
        var toServer = new Pipe(Unbounded);
        var toClient = new Pipe(Unbounded);
        Client = new MemoryPipeEnd(clock, settled, toClient.Reader, toServer.Writer);
        Server = new MemoryPipeEnd(clock, settled, toServer.Reader, toClient.Writer);
        Client.Other = Server;
        Server.Other = Client;
    }

    /// <summary>The connecting side's end.</summary>
    public MemoryPipeEnd Client { get; }

    /// <summary>The accepting side's end.</summary>
    public MemoryPipeEnd Server { get; }
}

/// <summary>One end of a <see cref="MemoryPipe"/>.</summary>
internal sealed class MemoryPipeEnd : Stream, IHalfClosable
{
    private readonly ManualTimeProvider _clock;
    private readonly ChangeSignal _settled;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Lock _gate = new();
    private readonly List<(long End, TimeSpan At)> _writes = [];
    private long _written;
    private long _delivered;
    private bool _readPending;
    private bool _everRead;
    private bool _abandoned;
    private bool _writingEnded;
    private bool _disposed;
    private TimeSpan? _writingEndedAt;

    public MemoryPipeEnd(ManualTimeProvider clock, ChangeSignal settled, PipeReader input, PipeWriter output)
    {
        _clock = clock;
        _settled = settled;
        _input = input;
        _output = output;
    }

    /// <summary>The other end.</summary>
    public MemoryPipeEnd Other { get; set; } = null!;

    /// <summary>
    /// True when this end's reader has nothing left to take: it waits with every byte sent to it delivered (and more
    /// may come), it stopped reading, nobody has started reading it, or it is closed.
    /// </summary>
    public bool IsSettled
    {
        get
        {
            var sent = Other.Written;
            var ended = Other.IsWritingEnded;
            lock (_gate)
            {
                // A pending read with every byte taken is settled only while more may come. Having read the end is not enough:
                // the reader still has to act on it, and it is settled once it closes its end or says it stopped reading.
                return _disposed || _abandoned || !_everRead || (_readPending && _delivered == sent && !ended);
            }
        }
    }

    /// <summary>When the other end wrote the byte just before <paramref name="offset"/> of this end's stream.</summary>
    public TimeSpan ReceivedAt(long offset) => Other.WrittenAt(offset);

    /// <summary>When the other end ended its writing; the present if it has not.</summary>
    public TimeSpan OtherClosedAt() => Other.WritingEndedAt ?? _clock.Elapsed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    private long Written
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    private TimeSpan? WritingEndedAt
    {
        get
        {
            lock (_gate)
            {
                return _writingEndedAt;
            }
        }
    }

    public void EndWriting()
    {
        lock (_gate)
        {
            if (_writingEnded)
            {
                return;
            }

            _writingEnded = true;
            _writingEndedAt = _clock.Elapsed;
        }

        _output.Complete();
        _settled.Notify();
    }

    public void StopReading()
    {
        lock (_gate)
        {
            _abandoned = true;
        }

        _settled.Notify();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _readPending = true;
            _everRead = true;
            _abandoned = false;
        }

        _settled.Notify();
        var count = 0;
        var cancelled = false;
        try
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var available = result.Buffer;
            count = (int)Math.Min(available.Length, buffer.Length);
            available.Slice(0, count).CopyTo(buffer.Span);
            _input.AdvanceTo(available.GetPosition(count));
            return count;
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _readPending = false;
                _delivered += count;
                _abandoned |= cancelled;
            }

            _settled.Notify();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Other.IsClosed || IsWritingEnded)
        {
            throw new IOException("The other end of the pipe is closed.");
        }

        lock (_gate)
        {
            _written += buffer.Length;
            _writes.Add((_written, _clock.Elapsed));
        }

        _settled.Notify();
        await _output.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            EndWriting();
            lock (_gate)
            {
                _disposed = true;
            }

            _settled.Notify();
        }

        base.Dispose(disposing);
    }

    private bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    private bool IsWritingEnded
    {
        get
        {
            lock (_gate)
            {
                return _writingEnded;
            }
        }
    }

    private TimeSpan WrittenAt(long offset)
    {
        lock (_gate)
        {
            foreach (var (end, at) in _writes)
            {
                if (end >= offset)
                {
                    return at;
                }
            }

            return _clock.Elapsed;
        }
    }
}

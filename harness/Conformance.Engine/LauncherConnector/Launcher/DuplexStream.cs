using System.IO.Pipelines;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>
/// Two connected in-memory streams, a pipe without a kernel: what one writes the other reads. Manual-clock
/// scenarios use it instead of a socket, so nothing but the scenario moves the session along.
/// </summary>
internal sealed class DuplexStream : Stream
{
    private readonly Stream _input;
    private readonly PipeWriter _output;
    private readonly Stream _outputStream;

    private DuplexStream(PipeReader input, PipeWriter output)
    {
        _input = input.AsStream();
        _output = output;
        _outputStream = output.AsStream();
    }

    /// <summary>A connected pair: bytes written to one are read from the other.</summary>
    public static (DuplexStream Left, DuplexStream Right) CreatePair()
    {
        var leftToRight = new Pipe();
        var rightToLeft = new Pipe();
        return (new DuplexStream(rightToLeft.Reader, leftToRight.Writer), new DuplexStream(leftToRight.Reader, rightToLeft.Writer));
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Ends this side's writing: the other side reads end-of-stream.</summary>
    public Task CompleteWritingAsync() => _output.CompleteAsync().AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _input.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _input.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _outputStream.Write(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _outputStream.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _outputStream.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Flush() => _outputStream.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _outputStream.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _output.Complete();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}

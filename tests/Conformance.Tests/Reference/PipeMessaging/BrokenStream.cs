namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>A transport that is already broken: every read and write fails with an IOException, as a pipe whose peer vanished does; counts its disposals.</summary>
internal sealed class BrokenStream(bool failOnDispose = false) : Stream
{
    public const string Reason = "the pipe is broken";

    public int Disposals { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => throw new IOException(Reason);

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.FromException(new IOException(Reason));

    public override int Read(byte[] buffer, int offset, int count) => throw new IOException(Reason);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(new IOException(Reason));

    public override void Write(byte[] buffer, int offset, int count) => throw new IOException(Reason);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException(new IOException(Reason));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Disposals++;
        if (failOnDispose)
        {
            throw new IOException(Reason);
        }
    }
}

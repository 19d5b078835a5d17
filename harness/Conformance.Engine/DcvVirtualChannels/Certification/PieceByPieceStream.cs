using Conformance.Protocols.Transport;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// Hands each write to the stream beneath in three pieces — its first few bytes (cutting a frame's length header in
/// two), then the rest in two halves — each flushed, so that a reader under test meets frames split across reads
/// (VC-16) rather than whole ones by luck. Where the pipe tells how much its reader has not yet taken (Linux), the
/// next piece waits until the reader has taken the last one, so the split holds whatever the machine's load; a reader
/// that does not catch up within a bound is not waited for again, and elsewhere a short pause stands in.
/// </summary>
internal sealed class PieceByPieceStream(Stream inner, int firstPieceBytes, TimeSpan pause) : Stream
{
    private static readonly TimeSpan TakenBound = TimeSpan.FromSeconds(1);
    private bool _readerKeepsUp = true;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Where a write of <paramref name="length"/> bytes is cut: after its first bytes, and halfway through the rest.</summary>
    public IReadOnlyList<int> Cuts(int length)
    {
        var first = Math.Min(firstPieceBytes, length);
        var middle = first + ((length - first) / 2);
        return new[] { first, middle, length }.Distinct().Where(cut => cut > 0).ToList();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var from = 0;
        foreach (var cut in Cuts(buffer.Length))
        {
            await inner.WriteAsync(buffer[from..cut], cancellationToken).ConfigureAwait(false);
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            from = cut;
            if (!_readerKeepsUp || !await PipeBacklog.WaitUntilTakenAsync(inner, TakenBound, cancellationToken).ConfigureAwait(false))
            {
                // Pacing, not waiting for a condition: the pause lets the reader wake up between pieces.
                _readerKeepsUp = false;
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}

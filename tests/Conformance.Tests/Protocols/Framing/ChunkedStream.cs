namespace Conformance.Tests.Protocols.Framing;

/// <summary>
/// A stream that hands out its bytes in reads of the given sizes (cycling through them), as a pipe might
/// split them. Every read completes synchronously, so a whole read stays on the calling thread.
/// </summary>
internal sealed class ChunkedStream(byte[] bytes, IReadOnlyList<int> chunkSizes) : Stream
{
    private int _position;
    private int _chunk;

    /// <summary>A stream that gives out all it has at once (as far as the reader's buffer allows).</summary>
    public ChunkedStream(byte[] bytes)
        : this(bytes, [])
    {
    }

    /// <summary>Reads that returned bytes.</summary>
    public int Reads { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => bytes.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var size = chunkSizes.Count == 0 ? int.MaxValue : chunkSizes[_chunk++ % chunkSizes.Count];
        var n = Math.Min(Math.Min(buffer.Length, size), bytes.Length - _position);
        bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        Reads += n > 0 ? 1 : 0;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

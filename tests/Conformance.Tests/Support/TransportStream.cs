namespace Conformance.Tests.Support;

/// <summary>
/// What every scripted transport of the tests has in common: it cannot seek, so it has no length or position, and
/// its synchronous read and write are not supported unless it says otherwise. A transport overrides only what it does.
/// </summary>
internal abstract class TransportStream : Stream
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

namespace Conformance.Tests.Support;

/// <summary>A memory stream that counts its flushes, for writers that promise one per message.</summary>
internal sealed class FlushCountingStream : MemoryStream
{
    public int Flushes { get; private set; }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return base.FlushAsync(cancellationToken);
    }
}

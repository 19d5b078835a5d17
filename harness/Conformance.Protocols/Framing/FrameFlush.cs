using System.IO.Pipelines;

namespace Conformance.Protocols.Framing;

/// <summary>What a frame writer makes of its flush: a cancelled or refused flush is a frame not delivered.</summary>
internal static class FrameFlush
{
    /// <summary>Flushes <paramref name="writer"/> and throws unless the frame went out.</summary>
    /// <exception cref="OperationCanceledException">The flush was cancelled.</exception>
    /// <exception cref="IOException">The reading side has stopped.</exception>
    public static async ValueTask DeliverAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        var flushed = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (flushed.IsCanceled)
        {
            throw new OperationCanceledException("The frame's flush was cancelled.");
        }

        if (flushed.IsCompleted)
        {
            throw new IOException("The reading side of the pipe has stopped; the frame was not delivered.");
        }
    }
}

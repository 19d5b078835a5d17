namespace Conformance.Engine.NamedPipes;

/// <summary>Bounded reads for the transport's scenarios: none waits longer than it is told.</summary>
internal static class StreamReading
{
    /// <summary>Reads <paramref name="count"/> bytes, or what came before the bound ran out or the stream ended.</summary>
    public static async Task<byte[]> ReadExactlyAsync(Stream stream, int count, TimeSpan bound, CancellationToken cancellationToken) =>
        (await ReadAsync(stream, count, bound, 64 * 1024, cancellationToken).ConfigureAwait(false)).Bytes;

    /// <summary>Reads up to <paramref name="count"/> bytes in reads of at most <paramref name="chunk"/>; also says how many reads it took.</summary>
    public static async Task<(byte[] Bytes, int Reads)> ReadAsync(Stream stream, int count, TimeSpan bound, int chunk, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bound);
        var buffer = new byte[count];
        var filled = 0;
        var reads = 0;
        try
        {
            while (filled < count)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled, Math.Min(chunk, count - filled)), limit.Token).ConfigureAwait(false);
                reads++;
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The bound ran out: what arrived is the answer.
        }

        return (buffer[..filled], reads);
    }

    /// <summary>Reads and discards until the end of the stream; says how many bytes came and whether the end came within the bound.</summary>
    public static async Task<(long Bytes, bool Ended)> DrainAsync(Stream stream, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bound);
        var buffer = new byte[4096];
        long total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, limit.Token).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return (total, true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (total, false);
        }
        catch (IOException)
        {
            // A reset is an end as well.
            return (total, true);
        }
    }
}

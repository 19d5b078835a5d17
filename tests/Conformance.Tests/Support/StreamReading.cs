namespace Conformance.Tests.Support;

/// <summary>Reads what a server sends a client, to see exactly which bytes arrive (or that none do).</summary>
internal static class StreamReading
{
    /// <summary>Reads until end of stream or <paramref name="timeout"/>; returns the bytes and whether the stream ended.</summary>
    public static async Task<(byte[] Bytes, bool Ended)> ReadUntilEndAsync(Stream stream, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }

            return (received.ToArray(), true);
        }
        catch (OperationCanceledException)
        {
            return (received.ToArray(), false);
        }
        catch (IOException)
        {
            return (received.ToArray(), true);
        }
    }
}

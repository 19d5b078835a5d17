namespace Conformance.Tests.Reference.Dcv;

/// <summary>Reading what a relay delivers, with a bound.</summary>
internal static class RelayBytes
{
    public static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(ScriptedParty.Bound);
        return buffer;
    }

    /// <summary>
    /// Writes <paramref name="leftToRight"/> into <paramref name="left"/> and <paramref name="rightToLeft"/> into
    /// <paramref name="right"/> at once, each read at the other end as it comes, so neither direction waits for the
    /// other: what arrived at each end. <paramref name="write"/> writes one side's bytes (all at once unless given).
    /// </summary>
    public static async Task<(byte[] AtRight, byte[] AtLeft)> CarryBothWaysAsync(
        Stream left, Stream right, byte[] leftToRight, byte[] rightToLeft, Func<Stream, byte[], Task>? write = null)
    {
        write ??= (stream, bytes) => stream.WriteAsync(bytes).AsTask();
        var writing = Task.WhenAll(write(left, leftToRight), write(right, rightToLeft));
        var atRight = ReadExactlyAsync(right, leftToRight.Length);
        var atLeft = ReadExactlyAsync(left, rightToLeft.Length);
        await Task.WhenAll(writing, atRight, atLeft).WaitAsync(ScriptedParty.Bound);
        return (atRight.Result, atLeft.Result);
    }

    /// <summary>
    /// Reads until the connection ends: the bytes that came before. A Unix socket closed with unread bytes in it
    /// reaches its peer as a reset rather than an end of stream; either way, nothing more comes.
    /// </summary>
    public static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received).WaitAsync(ScriptedParty.Bound);
        }
        catch (IOException)
        {
            // Reset by the broker: the connection is over.
        }

        return received.ToArray();
    }

    public static byte[] Random(int count)
    {
        var bytes = new byte[count];
        System.Random.Shared.NextBytes(bytes);
        return bytes;
    }
}

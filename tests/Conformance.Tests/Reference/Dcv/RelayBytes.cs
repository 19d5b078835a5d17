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

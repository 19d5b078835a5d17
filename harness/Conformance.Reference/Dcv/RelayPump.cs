using System.Buffers;
using System.Net.Sockets;

namespace Conformance.Reference.Dcv;

/// <summary>Carries a ready channel's bytes between its two relay connections, unchanged and in order, both ways (VC-12).</summary>
internal static class RelayPump
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>Completes when either direction ends: a relay closed, or the channel was torn down.</summary>
    public static Task RunAsync(Stream first, Stream second) =>
        SocketSplice.Supports(first, second, out var firstSocket, out var secondSocket)
            ? SocketSplice.RunAsync(firstSocket, secondSocket)
            : Task.WhenAny(CopyAsync(first, second), CopyAsync(second, first));

    private static async Task CopyAsync(Stream from, Stream to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // One end went away: the channel ends.
        }
        finally // Stryker disable once Block : only the pool's reuse of the buffer differs; a buffer not returned is collected
        {
            // Stryker disable once Statement : only the pool's reuse of the buffer differs; a buffer not returned is collected
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

using System.IO.Pipes;
using System.Net.Sockets;

namespace Conformance.Dcv.Relays;

/// <summary>Opens the client side of a relay named by a <c>SetupVirtualChannelResponse</c>.</summary>
public static class RelayClient
{
    /// <summary>Connects to <paramref name="relayPath"/> and returns the connection's bytes.</summary>
    /// <exception cref="IOException">The relay refused or does not exist.</exception>
    public static async Task<Stream> ConnectAsync(string relayPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(relayPath);
        if (OperatingSystem.IsWindows())
        {
            const string prefix = @"\\.\pipe\";
            var name = relayPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? relayPath[prefix.Length..] : relayPath;
            var pipe = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
            try
            {
                await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return pipe;
            }
            catch
            {
                await pipe.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(RelayEndPoints.Unix(relayPath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new IOException($"Could not open the relay {relayPath}: {exception.Message}", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

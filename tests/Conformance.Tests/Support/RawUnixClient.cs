using System.Net.Sockets;

namespace Conformance.Tests.Support;

/// <summary>A bare Unix-socket client, to see exactly which bytes a server sends (or that it refuses).</summary>
internal static class RawUnixClient
{
    /// <summary>Connects; null with the socket error when the connect itself is refused.</summary>
    public static async Task<(Socket? Socket, SocketError? Error)> TryConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
            return (socket, null);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            return (null, exception.SocketErrorCode);
        }
    }

    /// <summary>Reads until end of stream or <paramref name="timeout"/>; returns the bytes and whether the stream ended.</summary>
    public static async Task<(byte[] Bytes, bool Ended)> ReadUntilEndAsync(Socket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                if (read == 0)
                {
                    return (received.ToArray(), true);
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            return (received.ToArray(), false);
        }
        catch (SocketException)
        {
            return (received.ToArray(), true);
        }
    }
}

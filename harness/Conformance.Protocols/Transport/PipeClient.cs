using System.IO.Pipes;
using System.Net.Sockets;

namespace Conformance.Protocols.Transport;

/// <summary>Connects to a pipe by name the way any .NET client does, on every platform.</summary>
public static class PipeClient
{
    /// <summary>Connects to <paramref name="name"/>, retrying until <paramref name="timeout"/> passes.</summary>
    /// <exception cref="TimeoutException">No server accepted within the timeout.</exception>
    public static async Task<Stream> ConnectAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        PipeName.Validate(name);
        var client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await client.ConnectAsync(timeout, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Tries to connect exactly once, without the retries <see cref="ConnectAsync"/> makes: the way to see
    /// that a pipe refuses a client at once. Returns the stream, or null with the platform's reason.
    /// </summary>
    public static async Task<(Stream? Stream, string? Refusal)> TryConnectOnceAsync(string name, CancellationToken cancellationToken = default)
    {
        PipeName.Validate(name);
        if (OperatingSystem.IsWindows())
        {
            var client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
            try
            {
                await client.ConnectAsync(0, cancellationToken).ConfigureAwait(false);
                return (client, null);
            }
            catch (Exception exception) when (exception is TimeoutException or IOException or UnauthorizedAccessException)
            {
                await client.DisposeAsync().ConfigureAwait(false);
                return (null, exception.Message);
            }
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(PipeName.UnixSocketPath(name)), cancellationToken).ConfigureAwait(false);
            return (new NetworkStream(socket, ownsSocket: true), null);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            return (null, exception.SocketErrorCode.ToString());
        }
    }
}

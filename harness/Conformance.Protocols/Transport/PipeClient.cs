using System.IO.Pipes;

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
}

namespace Conformance.Protocols.Transport;

/// <summary>
/// A pipe that one client owns: the first admitted client gets the connection and the pipe stops
/// listening, so any later client is refused at once and receives no byte (LC-L05). Clients of another
/// account are refused without ending the server (unlike a .NET <c>CurrentUserOnly</c> instance).
/// </summary>
public abstract class PipeServer : IAsyncDisposable
{
    /// <summary>The bare pipe name.</summary>
    public abstract string Name { get; }

    /// <summary>True from creation until a client is admitted or the server is disposed.</summary>
    public abstract bool IsListening { get; }

    /// <summary>Creates and starts listening on the platform's kind of pipe.</summary>
    /// <exception cref="ArgumentException">The name does not fit the platform (NP-10).</exception>
    /// <exception cref="IOException">The pipe already exists.</exception>
    public static PipeServer Listen(string name, PipeServerOptions? options = null)
    {
        PipeName.Validate(name);
        options ??= new PipeServerOptions();
        return OperatingSystem.IsWindows() ? new WindowsPipeServer(name, options) : new UnixSocketPipeServer(name, options);
    }

    /// <summary>Waits for the first client that passes the checks; refused clients are closed and reported.</summary>
    public abstract Task<PipeConnection> AcceptFirstClientAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}

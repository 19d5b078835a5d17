namespace Conformance.Protocols.Transport;

/// <summary>
/// A pipe that serves client after client, at most <see cref="PipeListenerOptions.MaxInstances"/> at once: each
/// admitted client holds an instance until its <see cref="PipeConnection"/> is disposed (NP-02, NP-04). Clients
/// of accounts the pipe is not for are closed having received no byte, and the pipe goes on serving (NP-07).
/// </summary>
public abstract class PipeListener : IAsyncDisposable
{
    /// <summary>The bare pipe name.</summary>
    public abstract string Name { get; }

    /// <summary>How many admitted clients hold an instance now.</summary>
    public abstract int InstancesInUse { get; }

    /// <summary>True while a new client can connect: false once disposed, and while busy under <see cref="PipeBusyPolicy.Refuse"/>.</summary>
    public abstract bool IsListening { get; }

    /// <summary>Creates the pipe and starts listening on the platform's kind of pipe.</summary>
    /// <exception cref="ArgumentException">The name does not fit the platform (NP-10), or an option is invalid.</exception>
    /// <exception cref="IOException">The pipe already exists.</exception>
    public static PipeListener Listen(string name, PipeListenerOptions? options = null)
    {
        PipeName.Validate(name);
        options ??= new PipeListenerOptions();
        if (options.MaxInstances is < 1 or > PipeListenerOptions.MaxAllowedInstances)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxInstances, $"MaxInstances must be 1 to {PipeListenerOptions.MaxAllowedInstances}.");
        }

        ArgumentNullException.ThrowIfNull(options.AdditionalUserIds, nameof(options));
        ArgumentNullException.ThrowIfNull(options.AdditionalSecurityIdentifiers, nameof(options));
        return OperatingSystem.IsWindows() ? new WindowsPipeListener(name, options) : new UnixSocketPipeListener(name, options);
    }

    /// <summary>
    /// Waits for a free instance and the next client that passes the checks; refused clients are closed and
    /// reported. Calls may overlap; clients are handed out one at a time, in the order they connected.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The listener was disposed.</exception>
    public abstract Task<PipeConnection> AcceptAsync(CancellationToken cancellationToken);

    /// <summary>Stops listening and removes the pipe; connections already handed out stay open with their owners.</summary>
    public abstract ValueTask DisposeAsync();
}

namespace Conformance.Dcv.Relays;

/// <summary>
/// The serving end of a virtual channel's relay: an abstract Unix socket on Linux, a Unix socket file on macOS,
/// a named pipe on Windows. It accepts connections until disposed; deciding which to keep is the caller's.
/// </summary>
public abstract class RelayListener : IAsyncDisposable
{
    /// <summary>The relay's path as a <c>SetupVirtualChannelResponse</c> carries it: on Linux the bare abstract name.</summary>
    public abstract string RelayPath { get; }

    /// <summary>Opens a relay with a fresh name no other relay uses.</summary>
    public static RelayListener Open()
    {
        var name = "dcv-relay-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        if (OperatingSystem.IsWindows())
        {
            return new NamedPipeRelayListener(name);
        }

        return OperatingSystem.IsLinux()
            ? UnixSocketRelayListener.Abstract(name)
            : UnixSocketRelayListener.AtPath(Path.Combine(Path.GetTempPath(), name));
    }

    /// <summary>Waits for the next connection.</summary>
    /// <exception cref="ObjectDisposedException">The listener was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public abstract Task<RelayConnection> AcceptAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops listening: later connects are refused by the operating system.</summary>
    public abstract ValueTask DisposeAsync();
}

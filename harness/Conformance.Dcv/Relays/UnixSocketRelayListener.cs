using System.Net.Sockets;
using System.Runtime.Versioning;
using Conformance.Protocols.Transport;

namespace Conformance.Dcv.Relays;

/// <summary>A relay on a Unix stream socket: abstract on Linux (no file to clean up), a socket file on macOS.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed class UnixSocketRelayListener : RelayListener
{
    private readonly Socket _listener;
    private readonly string? _file;

    private UnixSocketRelayListener(string relayPath, UnixDomainSocketEndPoint endPoint, string? file)
    {
        RelayPath = relayPath;
        _file = file;
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            _listener.Bind(endPoint);
            if (file is not null)
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            _listener.Listen(16);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }
    }

    public override string RelayPath { get; }

    // The relay path is the bare name; the leading NUL that makes it abstract belongs to the socket address only.
    public static UnixSocketRelayListener Abstract(string name) => new(name, RelayEndPoints.Unix(name), file: null);

    public static UnixSocketRelayListener AtPath(string path) => new(path, new UnixDomainSocketEndPoint(path), path);

    public override async Task<RelayConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var socket = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        return new RelayConnection(new NetworkStream(socket, ownsSocket: true), PeerCredentials.Read(socket).ProcessId, socket);
    }

    public override ValueTask DisposeAsync()
    {
        _listener.Dispose();
        if (_file is not null)
        {
            File.Delete(_file);
        }

        return ValueTask.CompletedTask;
    }
}

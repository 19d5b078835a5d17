using System.Net.Sockets;

namespace Conformance.Dcv.Relays;

/// <summary>One accepted connection to a relay: its byte stream and the process the operating system says opened it.</summary>
public sealed class RelayConnection : IAsyncDisposable
{
    private readonly Socket? _socket;

    internal RelayConnection(Stream stream, int? processId, Socket? socket)
    {
        Stream = stream;
        ProcessId = processId;
        _socket = socket;
    }

    /// <summary>The connection's bytes, both ways.</summary>
    public Stream Stream { get; }

    /// <summary>The connecting process (Linux <c>SO_PEERCRED</c>, Windows <c>GetNamedPipeClientProcessId</c>); null where the platform cannot tell.</summary>
    public int? ProcessId { get; }

    /// <summary>Bytes received and not yet read; null where the platform cannot tell without reading.</summary>
    public int? BytesWaiting
    {
        get
        {
            try
            {
                return _socket?.Available;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    /// <summary>Closes the connection; a refused client sees the end of the stream, having been sent no byte.</summary>
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

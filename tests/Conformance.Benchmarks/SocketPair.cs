using System.Net.Sockets;

namespace Conformance.Benchmarks;

/// <summary>Two connected ends of a real Unix domain socket, the transport a pipe is on Linux.</summary>
internal sealed class SocketPair : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}"[..24]);

    public SocketPair()
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_path));
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(new UnixDomainSocketEndPoint(_path));
        var server = listener.Accept();
        Left = new NetworkStream(client, ownsSocket: true);
        Right = new NetworkStream(server, ownsSocket: true);
        File.Delete(_path);
    }

    /// <summary>One end.</summary>
    public NetworkStream Left { get; }

    /// <summary>The other end.</summary>
    public NetworkStream Right { get; }

    public void Dispose()
    {
        Left.Dispose();
        Right.Dispose();
    }
}

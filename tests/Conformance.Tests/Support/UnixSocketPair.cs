using System.Net.Sockets;

namespace Conformance.Tests.Support;

/// <summary>Two connected ends of a real Unix domain socket (an abstract address, so no file is left behind).</summary>
internal sealed class UnixSocketPair : IDisposable
{
    public UnixSocketPair()
    {
        var (client, server) = Sockets();
        Left = new NetworkStream(client, ownsSocket: true);
        Right = new NetworkStream(server, ownsSocket: true);
    }

    /// <summary>The two connected sockets themselves, the caller's to dispose.</summary>
    public static (Socket Client, Socket Server) Sockets()
    {
        var address = new UnixDomainSocketEndPoint("\0conformance-tests-" + Guid.NewGuid().ToString("N"));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(address);
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(address);
        return (client, listener.Accept());
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

using System.Net.Sockets;

namespace Conformance.Tests.Support;

/// <summary>Two connected ends of a real Unix domain socket (an abstract address, so no file is left behind).</summary>
internal sealed class UnixSocketPair : IDisposable
{
    public UnixSocketPair()
    {
        var address = new UnixDomainSocketEndPoint("\0conformance-tests-" + Guid.NewGuid().ToString("N"));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(address);
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(address);
        Left = new NetworkStream(client, ownsSocket: true);
        Right = new NetworkStream(listener.Accept(), ownsSocket: true);
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

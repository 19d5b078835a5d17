using System.Buffers.Binary;
using System.Net.Sockets;

namespace Conformance.Protocols.Transport;

/// <summary>The peer of an accepted Unix socket, from the kernel (Linux <c>SO_PEERCRED</c>).</summary>
internal static class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    public static PipeClientIdentity Read(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new PipeClientIdentity(null, null);
        }

        Span<byte> credentials = stackalloc byte[12];
        var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials);
        if (length < 12)
        {
            return new PipeClientIdentity(null, null);
        }

        var pid = BinaryPrimitives.ReadInt32LittleEndian(credentials);
        var uid = BinaryPrimitives.ReadUInt32LittleEndian(credentials[4..]);
        return new PipeClientIdentity(pid, uid);
    }
}

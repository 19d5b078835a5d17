using System.Net.Sockets;

namespace Conformance.Dcv.Relays;

/// <summary>Where a relay path leads on a Unix system.</summary>
internal static class RelayEndPoints
{
    // Linux relay paths are bare abstract names (VC catalog: no leading NUL, no '@'); anything with a '/' is a socket file.
    public static UnixDomainSocketEndPoint Unix(string relayPath) =>
        OperatingSystem.IsLinux() && !relayPath.Contains('/')
            ? new UnixDomainSocketEndPoint("\0" + relayPath)
            : new UnixDomainSocketEndPoint(relayPath);
}

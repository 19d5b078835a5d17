using System.Globalization;

namespace Conformance.Protocols.Transport;

/// <summary>Tells, without connecting (which would take the pipe), whether a pipe is accepting connections.</summary>
public static class PipeProbe
{
    // In /proc/net/unix, a listening socket has the __SO_ACCEPTCON flag.
    private const int AcceptingConnectionsFlag = 0x00010000;

    /// <summary>True when a server is listening on <paramref name="name"/>.</summary>
    public static bool IsAcceptingConnections(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.GetFiles(@"\\.\pipe\").Any(path => string.Equals(Path.GetFileName(path), name, StringComparison.OrdinalIgnoreCase));
        }

        var path = PipeName.UnixSocketPath(name);
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        // Columns: Num RefCount Protocol Flags Type St Inode [Path]
        foreach (var line in File.ReadLines("/proc/net/unix").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8 && fields[7] == path
                && int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                && (flags & AcceptingConnectionsFlag) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

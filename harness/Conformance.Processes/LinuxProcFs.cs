using System.Globalization;
using System.Text;

namespace Conformance.Processes;

/// <summary>The Linux process table as <c>/proc</c> shows it.</summary>
internal static class LinuxProcFs
{
    // USER_HZ: the unit of utime, stime and starttime in /proc/PID/stat; 100 on every Linux ABI in use.
    private const double TicksPerSecond = 100.0;

    public static IReadOnlyList<int> ProcessIds()
    {
        var ids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                ids.Add(pid);
            }
        }

        return ids;
    }

    /// <summary>Children from <c>/proc/PID/task/*/children</c> (each thread lists the children it forked); null where unsupported.</summary>
    public static IReadOnlyList<int>? TryReadChildren(int processId)
    {
        try
        {
            var children = new List<int>();
            foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                var file = Path.Combine(task, "children");
                if (!File.Exists(file))
                {
                    return null;
                }

                foreach (var field in File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    children.Add(int.Parse(field, CultureInfo.InvariantCulture));
                }
            }

            return children;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static ProcessSnapshot? TryRead(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ');
        if (fields.Length < 20)
        {
            return null;
        }

        var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var cpuTicks = ulong.Parse(fields[11], CultureInfo.InvariantCulture) + ulong.Parse(fields[12], CultureInfo.InvariantCulture);
        var startTicks = ulong.Parse(fields[19], CultureInfo.InvariantCulture);
        return new ProcessSnapshot(
            processId,
            ppid,
            IsZombie: fields[0] is "Z" or "X",
            startTicks,
            TimeSpan.FromSeconds(cpuTicks / TicksPerSecond),
            ReadCommandLine(processId));
    }

    public static string? TryReadEnvironmentVariable(int processId, string name)
    {
        try
        {
            var prefix = name + "=";
            foreach (var entry in ReadNulSeparated($"/proc/{processId}/environ"))
            {
                if (entry.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return entry[prefix.Length..];
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone, or another account's: unreadable is the same as absent here.
        }

        return null;
    }

    private static IReadOnlyList<string> ReadCommandLine(int processId)
    {
        try
        {
            return ReadNulSeparated($"/proc/{processId}/cmdline");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static List<string> ReadNulSeparated(string path)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        return text.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}

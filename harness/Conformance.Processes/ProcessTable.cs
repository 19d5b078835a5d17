namespace Conformance.Processes;

/// <summary>Reads the system's process table: Linux <c>/proc</c>, the Windows process snapshot elsewhere.</summary>
public static class ProcessTable
{
    /// <summary>Every process id the system lists now.</summary>
    public static IReadOnlyList<int> ProcessIds() =>
        OperatingSystem.IsWindows() ? WindowsProcesses.ProcessIds() : LinuxProcFs.ProcessIds();

    /// <summary>The process now, or null when it does not exist (or cannot be read).</summary>
    public static ProcessSnapshot? TryRead(int processId) =>
        OperatingSystem.IsWindows() ? WindowsProcesses.TryRead(processId) : LinuxProcFs.TryRead(processId);

    /// <summary>True when the process exists and has not exited.</summary>
    public static bool IsAlive(int processId) => TryRead(processId) is { IsZombie: false };

    /// <summary>The value of one environment variable of another process; null when absent or unreadable.</summary>
    public static string? TryReadEnvironmentVariable(int processId, string name) =>
        OperatingSystem.IsLinux() ? LinuxProcFs.TryReadEnvironmentVariable(processId, name) : null;

    /// <summary>The direct children of <paramref name="processId"/> now.</summary>
    public static IReadOnlyList<int> Children(int processId) =>
        OperatingSystem.IsLinux() && LinuxProcFs.TryReadChildren(processId) is { } children
            ? children
            : ProcessIds().Where(pid => TryRead(pid)?.ParentProcessId == processId).ToList();

    /// <summary>The parent chain of <paramref name="processId"/>, nearest first, bounded against cycles.</summary>
    public static IReadOnlyList<int> Ancestors(int processId)
    {
        var chain = new List<int>();
        var current = processId;
        for (var depth = 0; depth < 256; depth++)
        {
            var parent = TryRead(current)?.ParentProcessId ?? 0;
            if (parent <= 0 || chain.Contains(parent))
            {
                break;
            }

            chain.Add(parent);
            current = parent;
        }

        return chain;
    }

    /// <summary>The processes whose parent chain passes through <paramref name="processId"/>, at this moment.</summary>
    public static IReadOnlyList<ProcessSnapshot> Descendants(int processId)
    {
        var all = ProcessIds().Select(TryRead).OfType<ProcessSnapshot>().ToList();
        var children = all.ToLookup(process => process.ParentProcessId);
        var found = new List<ProcessSnapshot>();
        var pending = new Queue<int>([processId]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Dequeue()])
            {
                if (found.All(known => known.ProcessId != child.ProcessId) && child.ProcessId != processId)
                {
                    found.Add(child);
                    pending.Enqueue(child.ProcessId);
                }
            }
        }

        return found;
    }
}

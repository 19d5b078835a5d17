namespace Conformance.Processes;

/// <summary>
/// Follows a process tree while it runs: the command the process host started, and every process below the
/// host — which includes descendants that double-forked or lost their parent, since the host adopts them.
/// Each is recorded with every command line it showed, so secrets on any command line of the tree are found.
/// </summary>
public sealed class ProcessTreeRecorder(int rootProcessId, int containerProcessId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, ObservedProcess> _seen = [];

    /// <summary>The command's own process.</summary>
    public int RootProcessId => rootProcessId;

    /// <summary>Every process seen in the tree so far, the command first.</summary>
    public IReadOnlyList<ObservedProcess> Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen.Values.OrderBy(process => process.ProcessId == rootProcessId ? 0 : 1).ToList();
            }
        }
    }

    /// <summary>Looks at the process table once and records what is new; returns the members alive now.</summary>
    public IReadOnlyList<ProcessSnapshot> Sample()
    {
        var alive = new List<ProcessSnapshot>();
        var pending = new Queue<int>(ProcessTable.Children(containerProcessId));
        var visited = new HashSet<int>();
        while (pending.Count > 0)
        {
            var pid = pending.Dequeue();
            if (!visited.Add(pid) || ProcessTable.TryRead(pid) is not { } snapshot)
            {
                continue;
            }

            Record(snapshot);
            if (!snapshot.IsZombie)
            {
                alive.Add(snapshot);
            }

            foreach (var child in ProcessTable.Children(pid))
            {
                pending.Enqueue(child);
            }
        }

        return alive;
    }

    /// <summary>True when <paramref name="snapshot"/> is the process first seen under that pid (not a reuse).</summary>
    public bool IsSameProcess(ProcessSnapshot snapshot)
    {
        lock (_gate)
        {
            return _seen.TryGetValue(snapshot.ProcessId, out var seen) && seen.StartTime == snapshot.StartTime;
        }
    }

    private void Record(ProcessSnapshot snapshot)
    {
        lock (_gate)
        {
            // Adopted: a child of the host that is not the command, so it left the command's tree on its own.
            var adopted = snapshot.ParentProcessId == containerProcessId && snapshot.ProcessId != rootProcessId;
            if (_seen.TryGetValue(snapshot.ProcessId, out var seen) && seen.StartTime == snapshot.StartTime)
            {
                if (snapshot.CommandLine.Count > 0 && !seen.CommandLines.Any(known => known.SequenceEqual(snapshot.CommandLine)))
                {
                    seen = seen with { CommandLines = [.. seen.CommandLines, snapshot.CommandLine] };
                }

                // Seen first under its parent, adopted once that parent exited: it left the tree all the same.
                _seen[snapshot.ProcessId] = seen with { Adopted = seen.Adopted || adopted };
                return;
            }

            IReadOnlyList<IReadOnlyList<string>> commandLines = snapshot.CommandLine.Count > 0 ? [snapshot.CommandLine] : [];
            _seen[snapshot.ProcessId] = new ObservedProcess(snapshot.ProcessId, snapshot.StartTime, snapshot.ParentProcessId, commandLines, adopted);
        }
    }
}

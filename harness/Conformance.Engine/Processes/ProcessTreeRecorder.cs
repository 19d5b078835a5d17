using Conformance.Protocols.Processes;

namespace Conformance.Engine.Processes;

/// <summary>
/// Follows a process tree while it runs: its root, every descendant, and descendants that double-forked
/// away and were adopted by the harness (a child subreaper) — recognised by the marker in their environment.
/// Each is recorded with its command line, so secrets on any command line of the tree can be found.
/// </summary>
public sealed class ProcessTreeRecorder(int rootProcessId, KeyValuePair<string, string>? marker)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, ObservedProcess> _seen = [];
    private readonly HashSet<int> _notMembers = [];

    /// <summary>Every process seen in the tree so far.</summary>
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
        var pending = new Queue<(int Pid, bool Adopted)>();
        pending.Enqueue((rootProcessId, false));
        foreach (var child in AdoptedChildren())
        {
            pending.Enqueue((child, true));
        }

        var visited = new HashSet<int>();
        while (pending.Count > 0)
        {
            var (pid, adopted) = pending.Dequeue();
            if (!visited.Add(pid) || ProcessTable.TryRead(pid) is not { } snapshot)
            {
                continue;
            }

            Record(snapshot, adopted);
            if (!snapshot.IsZombie)
            {
                alive.Add(snapshot);
            }

            foreach (var child in ProcessTable.Children(pid))
            {
                pending.Enqueue((child, adopted));
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

    /// <summary>Every member but the root: the harness did not start them, so it reaps any it ends up adopting.</summary>
    public IReadOnlyList<int> Descendants
    {
        get
        {
            lock (_gate)
            {
                return _seen.Keys.Where(pid => pid != rootProcessId).ToList();
            }
        }
    }

    private IEnumerable<int> AdoptedChildren()
    {
        if (marker is not { } pair)
        {
            yield break;
        }

        foreach (var child in ProcessTable.Children(Environment.ProcessId))
        {
            bool known;
            lock (_gate)
            {
                known = _seen.ContainsKey(child) || _notMembers.Contains(child);
            }

            if (known)
            {
                if (_seen.ContainsKey(child))
                {
                    yield return child;
                }

                continue;
            }

            if (child != rootProcessId && ProcessTable.TryReadEnvironmentVariable(child, pair.Key) == pair.Value)
            {
                yield return child;
            }
            else
            {
                lock (_gate)
                {
                    _notMembers.Add(child);
                }
            }
        }
    }

    private void Record(ProcessSnapshot snapshot, bool adopted)
    {
        lock (_gate)
        {
            if (_seen.TryGetValue(snapshot.ProcessId, out var seen) && seen.StartTime == snapshot.StartTime)
            {
                if (snapshot.CommandLine.Count > 0 && !seen.CommandLines.Any(known => known.SequenceEqual(snapshot.CommandLine)))
                {
                    _seen[snapshot.ProcessId] = seen with { CommandLines = [.. seen.CommandLines, snapshot.CommandLine] };
                }

                return;
            }

            IReadOnlyList<IReadOnlyList<string>> commandLines = snapshot.CommandLine.Count > 0 ? [snapshot.CommandLine] : [];
            _seen[snapshot.ProcessId] = new ObservedProcess(snapshot.ProcessId, snapshot.StartTime, snapshot.ParentProcessId, commandLines, adopted);
        }
    }
}

using System.Diagnostics;
using Conformance.Processes;

namespace Conformance.ProcessHost;

/// <summary>
/// Ends every process below the host, however it detached: it keeps looking and killing (SIGKILL, which no
/// process can ignore) until a look finds none, so a process forked between two looks is caught by the next.
/// </summary>
internal static class TreeEnd
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(5);

    /// <summary>Ends them all; returns how many were still running.</summary>
    public static async Task<int> EndEverythingBelowAsync(Containment containment, Process target)
    {
        if (OperatingSystem.IsWindows() && containment.Job is { } job)
        {
            return job.TerminateAllButThisProcess();
        }

        var ended = new HashSet<(int, ulong)>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Bound)
        {
            var alive = Below(Environment.ProcessId).Where(process => !process.IsZombie).ToList();
            OrphanCollector.ReapExitedOrphans(target.HasExited ? 0 : target.Id);
            if (alive.Count == 0)
            {
                break;
            }

            foreach (var process in alive)
            {
                if (Signals.Kill(process.ProcessId))
                {
                    ended.Add((process.ProcessId, process.StartTime));
                }
            }

            await Task.Delay(Pause);
        }

        // The command itself is collected by .NET; give it a moment so its exit is reported.
        await target.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        OrphanCollector.ReapExitedOrphans(target.Id);
        foreach (var (processId, startTime) in ended)
        {
            RuntimeLeftovers.RemoveFor(processId, startTime);
        }

        return ended.Count;
    }

    private static List<ProcessSnapshot> Below(int root)
    {
        var found = new List<ProcessSnapshot>();
        var pending = new Queue<int>(ProcessTable.Children(root));
        var seen = new HashSet<int>();
        while (pending.Count > 0)
        {
            var pid = pending.Dequeue();
            if (!seen.Add(pid) || ProcessTable.TryRead(pid) is not { } process)
            {
                continue;
            }

            found.Add(process);
            foreach (var child in ProcessTable.Children(pid))
            {
                pending.Enqueue(child);
            }
        }

        return found;
    }
}

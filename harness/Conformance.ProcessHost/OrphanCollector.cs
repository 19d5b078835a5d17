using Conformance.Processes;

namespace Conformance.ProcessHost;

/// <summary>
/// Reaps the adopted processes that exit while the command runs: .NET collects only the children it started,
/// so without this a process that double-forked and exited would stay a zombie until the end.
/// </summary>
internal static class OrphanCollector
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task RunAsync(int targetProcessId, CancellationToken stop)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var ticker = new PeriodicTimer(Interval);
        try
        {
            while (await ticker.WaitForNextTickAsync(stop))
            {
                ReapExitedOrphans(targetProcessId);
            }
        }
        catch (OperationCanceledException)
        {
            // The end has begun.
        }
    }

    /// <summary>Collects every exited child but the command itself, whose exit .NET is waiting for.</summary>
    public static void ReapExitedOrphans(int targetProcessId)
    {
        foreach (var child in ProcessTable.Children(Environment.ProcessId))
        {
            if (child != targetProcessId && ProcessTable.TryRead(child) is { IsZombie: true })
            {
                ZombieReaper.TryReap(child);
            }
        }
    }
}

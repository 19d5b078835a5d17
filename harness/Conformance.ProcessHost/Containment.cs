using Conformance.Processes;

namespace Conformance.ProcessHost;

/// <summary>
/// Keeps every process the command starts below the host. Linux: the host is a child subreaper, so a process
/// that double-forks, starts a new session or loses its parent is re-parented to the host, not to init.
/// Windows: the host is in a job object that kills every member when its last handle closes, and children
/// inherit the job.
/// </summary>
internal sealed class Containment : IDisposable
{
    private readonly WindowsJob? _job;

    private Containment(WindowsJob? job) => _job = job;

    /// <summary>The job on Windows; null elsewhere.</summary>
    public WindowsJob? Job => _job;

    public static Containment Enter()
    {
        if (OperatingSystem.IsWindows())
        {
            return new Containment(WindowsJob.CreateKillOnClose());
        }

        if (OperatingSystem.IsLinux() && !ChildSubreaper.TryEnable())
        {
            throw new InvalidOperationException("The host could not become a child subreaper (prctl PR_SET_CHILD_SUBREAPER failed).");
        }

        return new Containment(null);
    }

    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            _job?.Dispose();
        }
    }
}

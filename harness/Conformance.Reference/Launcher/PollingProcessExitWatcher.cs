using Conformance.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>Watches real processes by checking the process table on a timer, so any process can be tracked, child or not.</summary>
public sealed class PollingProcessExitWatcher(TimeProvider time, TimeSpan interval) : IProcessExitWatcher
{
    /// <inheritdoc />
    public IDisposable Watch(int processId, Action exited)
    {
        var fired = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                if (!ProcessTable.IsAlive(processId) && Interlocked.Exchange(ref fired, 1) == 0)
                {
                    timer?.Dispose();
                    exited();
                }
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);

        // Armed only once assigned: a first check that ran during CreateTimer could not stop the timer it is on.
        timer.Change(TimeSpan.Zero, interval);
        return timer;
    }
}

namespace Conformance.Reference.Launcher;

/// <summary>
/// The Launcher's session tracker: it may look for the remote window on its own (when configured), and it
/// follows one process at a time, restarting on a new one (LC-L06), until that process exits (LC-L09).
/// </summary>
public sealed class ProcessTracker(IProcessExitWatcher watcher, Action<int> exited) : IDisposable
{
    private IDisposable? _watch;

    /// <summary>True once started: it looks for the session window (LC-L02).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The process being tracked, if any.</summary>
    public int? TrackedProcessId { get; private set; }

    /// <summary>True while a process is tracked.</summary>
    public bool IsTracking => TrackedProcessId is not null;

    /// <summary>Starts looking for the session window.</summary>
    public void Start() => IsRunning = true;

    /// <summary>Tracks <paramref name="processId"/>, dropping any process tracked before; returns that one.</summary>
    public int? Track(int processId)
    {
        var replaced = TrackedProcessId;
        _watch?.Dispose();
        TrackedProcessId = processId;
        _watch = watcher.Watch(processId, () => exited(processId));
        return replaced;
    }

    /// <summary>Stops tracking <paramref name="processId"/> if it is the tracked one.</summary>
    public void Forget(int processId)
    {
        if (TrackedProcessId == processId)
        {
            _watch?.Dispose();
            _watch = null;
            TrackedProcessId = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watch?.Dispose();
        IsRunning = false;
    }
}

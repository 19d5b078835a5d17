using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>Processes that exist only in a scenario: each runs until a step says it exits, and watchers hear of it at once.</summary>
internal sealed class SimulatedProcesses : IProcessExitWatcher
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _exited = [];
    private readonly Dictionary<int, List<Action>> _watchers = [];

    /// <inheritdoc />
    public IDisposable Watch(int processId, Action exited)
    {
        lock (_gate)
        {
            if (_exited.Contains(processId))
            {
                exited();
                return new Subscription(() => { });
            }

            if (!_watchers.TryGetValue(processId, out var list))
            {
                _watchers[processId] = list = [];
            }

            list.Add(exited);
            return new Subscription(() =>
            {
                lock (_gate)
                {
                    list.Remove(exited);
                }
            });
        }
    }

    /// <summary>Ends <paramref name="processId"/>; every watcher is told before this returns.</summary>
    public void Exit(int processId)
    {
        List<Action> watchers;
        lock (_gate)
        {
            _exited.Add(processId);
            watchers = _watchers.Remove(processId, out var list) ? list : [];
        }

        foreach (var watcher in watchers)
        {
            watcher();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

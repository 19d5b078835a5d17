using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>The tracker follows one process at a time (LC-L06) and lets go of a watch it no longer needs.</summary>
public class ProcessTrackerTests
{
    [Test]
    public void Tracking_a_new_process_ends_the_watch_of_the_one_tracked_before_and_returns_it()
    {
        var watcher = new RecordingWatcher();
        using var tracker = new ProcessTracker(watcher, _ => { });

        tracker.Track(100);
        var replaced = tracker.Track(200);

        Assert.That(replaced, Is.EqualTo(100));
        Assert.That(watcher.Watches.Select(watch => (watch.ProcessId, watch.Disposed)), Is.EqualTo(new[] { (100, true), (200, false) }));
    }

    [Test]
    public void Forgetting_the_tracked_process_ends_its_watch_and_forgetting_another_changes_nothing()
    {
        var watcher = new RecordingWatcher();
        using var tracker = new ProcessTracker(watcher, _ => { });
        tracker.Track(100);

        tracker.Forget(999);
        Assert.That(watcher.Watches.Single().Disposed, Is.False);
        Assert.That(tracker.TrackedProcessId, Is.EqualTo(100));

        tracker.Forget(100);
        Assert.That(watcher.Watches.Single().Disposed);
        Assert.That(tracker.IsTracking, Is.False);
    }

    [Test]
    public void Disposing_the_tracker_ends_the_watch_and_stops_it_running()
    {
        var watcher = new RecordingWatcher();
        var tracker = new ProcessTracker(watcher, _ => { });
        tracker.Start();
        tracker.Track(100);

        tracker.Dispose();

        Assert.That(watcher.Watches.Single().Disposed);
        Assert.That(tracker.IsRunning, Is.False);
    }

    [Test]
    public void Reports_the_exit_of_the_tracked_process_with_its_id()
    {
        var watcher = new RecordingWatcher();
        var exits = new List<int>();
        using var tracker = new ProcessTracker(watcher, exits.Add);
        tracker.Track(100);

        watcher.Watches.Single().Exit();

        Assert.That(exits, Is.EqualTo(new[] { 100 }));
    }

    private sealed class RecordingWatcher : IProcessExitWatcher
    {
        public List<Watch> Watches { get; } = [];

        public IDisposable Watch(int processId, Action exited)
        {
            var watch = new Watch(processId, exited);
            Watches.Add(watch);
            return watch;
        }
    }

    private sealed class Watch(int processId, Action exited) : IDisposable
    {
        public int ProcessId => processId;

        public bool Disposed { get; private set; }

        public void Exit() => exited();

        public void Dispose() => Disposed = true;
    }
}

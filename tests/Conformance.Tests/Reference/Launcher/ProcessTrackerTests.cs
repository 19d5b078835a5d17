using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>The tracker follows one process at a time (LC-L06) and lets go of a watch it no longer needs.</summary>
public class ProcessTrackerTests
{
    [Test]
    public void Tracking_a_new_process_stops_hearing_of_the_one_tracked_before_and_returns_it()
    {
        var (processes, exits) = (new SimulatedProcesses(), new List<int>());
        using var tracker = new ProcessTracker(processes, exits.Add);

        tracker.Track(100);
        var replaced = tracker.Track(200);
        processes.Exit(100);
        processes.Exit(200);

        Assert.That(replaced, Is.EqualTo(100));
        Assert.That(exits, Is.EqualTo(new[] { 200 }));
    }

    [Test]
    public void Forgetting_another_process_keeps_the_tracked_one_watched()
    {
        var (processes, exits) = (new SimulatedProcesses(), new List<int>());
        using var tracker = new ProcessTracker(processes, exits.Add);
        tracker.Track(100);

        tracker.Forget(999);
        processes.Exit(100);

        Assert.That(tracker.TrackedProcessId, Is.EqualTo(100));
        Assert.That(exits, Is.EqualTo(new[] { 100 }));
    }

    [Test]
    public void Forgetting_the_tracked_process_ends_its_watch()
    {
        var (processes, exits) = (new SimulatedProcesses(), new List<int>());
        using var tracker = new ProcessTracker(processes, exits.Add);
        tracker.Track(100);

        tracker.Forget(100);
        processes.Exit(100);

        Assert.That(tracker.IsTracking, Is.False);
        Assert.That(exits, Is.Empty);
    }

    [Test]
    public void Disposing_the_tracker_ends_the_watch_and_stops_it_running()
    {
        var (processes, exits) = (new SimulatedProcesses(), new List<int>());
        var tracker = new ProcessTracker(processes, exits.Add);
        tracker.Start();
        tracker.Track(100);

        tracker.Dispose();
        processes.Exit(100);

        Assert.That(exits, Is.Empty);
        Assert.That(tracker.IsRunning, Is.False);
    }
}

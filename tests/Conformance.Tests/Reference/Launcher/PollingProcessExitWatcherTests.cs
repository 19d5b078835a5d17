using System.Diagnostics;
using Conformance.Engine.Timing;
using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>The Launcher's watch of a real process (LC-L09): one report of its exit, then no timer left.</summary>
[Platform(Include = "Linux")]
public class PollingProcessExitWatcherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Reports_a_process_that_is_already_gone_at_its_first_check_once_and_then_releases_its_timer()
    {
        var time = new ManualTimeProvider();
        var gone = await ExitedProcessIdAsync();
        var exits = 0;

        using var watch = new PollingProcessExitWatcher(time, Interval).Watch(gone, () => exits++);
        await time.AdvanceAsync(TimeSpan.Zero);

        Assert.That(exits, Is.EqualTo(1), "the first check, at once, reports it");
        Assert.That(time.PendingTimers, Is.Zero, "the watch stopped polling once the process was gone");
        await time.AdvanceAsync(Interval * 3);
        Assert.That(exits, Is.EqualTo(1));
    }

    [Test]
    public async Task Keeps_polling_a_process_that_is_alive_without_reporting_it()
    {
        var time = new ManualTimeProvider();
        var exits = 0;

        using (new PollingProcessExitWatcher(time, Interval).Watch(Environment.ProcessId, () => exits++))
        {
            await time.AdvanceAsync(Interval * 3);

            Assert.That(exits, Is.Zero);
            Assert.That(time.PendingTimers, Is.EqualTo(1));
        }

        Assert.That(time.PendingTimers, Is.Zero, "disposing the watch stops the polling");
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start("true");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return process.Id;
    }
}

using Conformance.Engine.Timing;

namespace Conformance.Tests.Engine.Timing;

public class ManualTimeProviderTests
{
    [Test]
    public async Task Fires_due_timers_in_order_each_at_its_own_instant()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<(string, TimeSpan)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.Elapsed)), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.Elapsed)), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(60));

        Assert.That(fired, Is.EqualTo(new[] { ("early", TimeSpan.FromSeconds(10)), ("late", TimeSpan.FromSeconds(30)) }));
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task Counts_pending_timers_and_tells_when_one_is_scheduled()
    {
        var clock = new ManualTimeProvider();
        var scheduled = 0;
        clock.TimerScheduled += () => scheduled++;
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        Assert.That((clock.PendingTimers, scheduled), Is.EqualTo((1, 1)));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.That(clock.PendingTimers, Is.Zero, "a one-shot timer that fired is no longer pending");
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.That((clock.PendingTimers, scheduled), Is.EqualTo((1, 2)));
    }

    [Test]
    public async Task Does_not_fire_a_timer_before_it_is_due()
    {
        var clock = new ManualTimeProvider();
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(120), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(119));

        Assert.That(fired, Is.False);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.That(fired, Is.True);
    }

    [Test]
    public async Task Fires_a_timer_created_by_another_timer_within_the_same_advance()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<TimeSpan>();
        ITimer? second = null;
        using var first = clock.CreateTimer(_ => second = clock.CreateTimer(_ => fired.Add(clock.Elapsed), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan), null, TimeSpan.FromSeconds(120), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(200));

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromSeconds(150) }));
        second?.Dispose();
    }

    [Test]
    public async Task Never_fires_a_disposed_timer_and_repeats_a_periodic_one()
    {
        var clock = new ManualTimeProvider();
        var ticks = 0;
        var disposedFired = false;
        using var periodic = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var disposed = clock.CreateTimer(_ => disposedFired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();

        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.That(ticks, Is.EqualTo(5));
        Assert.That(disposedFired, Is.False);
    }

    [Test]
    public async Task Awaits_the_quiet_probes_after_each_timer()
    {
        var clock = new ManualTimeProvider();
        var log = new List<string>();
        clock.AddQuietProbe(async () =>
        {
            await Task.Yield();
            log.Add("quiet");
        });
        using var timer = clock.CreateTimer(_ => log.Add("fired"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.That(log, Is.EqualTo(new[] { "fired", "quiet", "quiet" }));
    }

    [Test]
    public async Task Fires_a_timer_due_at_once_and_never_stalls_on_it()
    {
        var clock = new ManualTimeProvider();
        var fired = 0;
        using var now = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public void Is_the_standard_fake_clock()
    {
        Assert.That(new ManualTimeProvider(), Is.InstanceOf<Microsoft.Extensions.Time.Testing.FakeTimeProvider>());
    }
}

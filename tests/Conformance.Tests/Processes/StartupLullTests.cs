using Conformance.Processes;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Tests.Processes;

public class StartupLullTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task With_no_start_under_way_the_lull_is_now()
    {
        var lull = new StartupLull(new FakeTimeProvider());

        Assert.That(await lull.WaitAsync(Bound), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task A_wait_lasts_until_every_start_under_way_is_ready()
    {
        var lull = new StartupLull(new FakeTimeProvider());
        var first = lull.Begin();
        var second = lull.Begin();

        var waiting = lull.WaitAsync(Bound);
        first.Dispose();
        first.Dispose();
        Assert.That(waiting.IsCompleted, Is.False, "one start is still under way (and a second dispose counts once)");

        second.Dispose();
        await waiting.WaitAsync(Bound);
        Assert.That(lull.Starting, Is.Zero);
    }

    [Test]
    public async Task A_start_nobody_calls_ready_stops_counting_after_its_allowance()
    {
        var time = new FakeTimeProvider();
        var lull = new StartupLull(time);
        _ = lull.Begin();

        var waiting = lull.WaitAsync(Bound);
        time.Advance(StartupLull.Allowance - TimeSpan.FromMilliseconds(1));
        Assert.That(waiting.IsCompleted, Is.False);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await waiting.WaitAsync(Bound), Is.EqualTo(StartupLull.Allowance));
    }
}

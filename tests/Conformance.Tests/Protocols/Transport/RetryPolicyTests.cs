using Conformance.Protocols.Transport;

namespace Conformance.Tests.Protocols.Transport;

public class RetryPolicyTests
{
    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void Starts_at_50_ms_doubles_to_1_s_and_spends_exactly_10_s_by_default()
    {
        var intervals = RetryPolicy.Default.Intervals().ToList();

        Assert.That(intervals, Is.EqualTo(new[]
        {
            Ms(50), Ms(100), Ms(200), Ms(400), Ms(800),
            Ms(1000), Ms(1000), Ms(1000), Ms(1000), Ms(1000), Ms(1000), Ms(1000), Ms(1000), Ms(450),
        }));
        Assert.That(intervals.Aggregate(TimeSpan.Zero, (sum, interval) => sum + interval), Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Caps_the_interval_at_the_maximum_however_many_attempts_failed()
    {
        var policy = new RetryPolicy { FirstInterval = Ms(30), MaxInterval = Ms(100) };

        Assert.That(
            new[] { 1, 2, 3, 4, 1000 }.Select(policy.IntervalAfter),
            Is.EqualTo(new[] { Ms(30), Ms(60), Ms(100), Ms(100), Ms(100) }));
    }

    [Test]
    public void Cuts_the_last_interval_to_the_time_left()
    {
        var policy = new RetryPolicy { FirstInterval = Ms(100), MaxInterval = Ms(400), TotalWait = Ms(1000) };

        Assert.That(policy.Intervals(), Is.EqualTo(new[] { Ms(100), Ms(200), Ms(400), Ms(300) }));
    }

    [Test]
    public void Refuses_a_setting_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RetryPolicy { FirstInterval = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RetryPolicy { TotalWait = Ms(-1) });
    }
}

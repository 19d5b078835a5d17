using Conformance.Engine.PipeMessaging.Certification;

namespace Conformance.Tests.Engine.PipeMessaging.Certification;

/// <summary>A real-time timing passes within 250 ms late and 50 ms early of its deadline, and not a millisecond beyond.</summary>
public class ToleranceTests
{
    private static readonly Tolerance Default = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(50));
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(1000);

    [TestCase(950, true)]
    [TestCase(949, false)]
    [TestCase(1250, true)]
    [TestCase(1251, false)]
    public void Around_a_deadline_passes_exactly_within_the_tolerance(int milliseconds, bool passes) =>
        Assert.That(Default.Around(TimeSpan.FromMilliseconds(milliseconds), Deadline), Is.EqualTo(passes));

    [TestCase(0, true)]
    [TestCase(1250, true)]
    [TestCase(1251, false)]
    public void By_a_deadline_passes_anything_up_to_the_late_tolerance(int milliseconds, bool passes) =>
        Assert.That(Default.By(TimeSpan.FromMilliseconds(milliseconds), Deadline), Is.EqualTo(passes));

    [TestCase(950, true)]
    [TestCase(949, false)]
    [TestCase(5000, true)]
    public void Not_before_a_deadline_passes_anything_from_the_early_tolerance_on(int milliseconds, bool passes) =>
        Assert.That(Default.NotBefore(TimeSpan.FromMilliseconds(milliseconds), Deadline), Is.EqualTo(passes));
}

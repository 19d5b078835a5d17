using Conformance.Protocols.Threading;

namespace Conformance.Tests.Protocols.Threading;

public class ChangeSignalTests
{
    [Test]
    public async Task Returns_as_soon_as_a_notified_change_makes_the_condition_hold()
    {
        var signal = new ChangeSignal();
        var value = 0;
        var waiting = signal.WaitUntilAsync(() => Volatile.Read(ref value) == 2, TimeSpan.FromSeconds(30));

        Volatile.Write(ref value, 1);
        signal.Notify();
        Volatile.Write(ref value, 2);
        signal.Notify();

        Assert.That(await waiting.WaitAsync(TimeSpan.FromSeconds(30)), Is.True);
    }

    [Test]
    public async Task Returns_false_when_the_bound_passes_first()
    {
        Assert.That(await new ChangeSignal().WaitUntilAsync(() => false, TimeSpan.FromMilliseconds(20)), Is.False);
    }

    [Test]
    public void Throws_when_the_caller_cancels()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => new ChangeSignal().WaitUntilAsync(() => false, TimeSpan.FromSeconds(30), cancel.Token));
    }
}

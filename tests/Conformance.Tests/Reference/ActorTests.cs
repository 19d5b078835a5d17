using Conformance.Reference;

namespace Conformance.Tests.Reference;

/// <summary>The serial executor every reference role changes its state on: order, idleness, errors and the end.</summary>
public class ActorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Runs_work_one_item_at_a_time_in_the_order_it_was_posted()
    {
        var actor = new Actor(_ => { });
        var ran = new List<int>();
        var gate = new TaskCompletionSource();
        actor.Post(() => gate.Task);
        for (var item = 0; item < 5; item++)
        {
            var number = item;
            actor.Post(() => ran.Add(number));
        }

        Assert.That(actor.IsIdle, Is.False, "work waits behind the first item");
        gate.SetResult();
        await actor.WhenIdleAsync().WaitAsync(Bound);

        Assert.That(ran, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(actor.IsIdle);
    }

    [Test]
    public async Task Every_caller_waiting_for_idleness_is_released_when_the_work_is_done()
    {
        var actor = new Actor(_ => { });
        var gate = new TaskCompletionSource();
        actor.Post(() => gate.Task);

        var first = actor.WhenIdleAsync();
        var second = actor.WhenIdleAsync();
        gate.SetResult();

        await Task.WhenAll(first, second).WaitAsync(Bound);
        Assert.That(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
    }

    [Test]
    public async Task Reports_the_exception_of_failed_work_and_goes_on_with_the_next_item()
    {
        var errors = new List<Exception>();
        var actor = new Actor(errors.Add);
        var ranAfter = false;

        actor.Post(() => throw new InvalidOperationException("broken work"));
        actor.Post(() => ranAfter = true);
        await actor.WhenIdleAsync().WaitAsync(Bound);

        Assert.That(errors.Single().Message, Is.EqualTo("broken work"));
        Assert.That(ranAfter, "the item after the failed one ran");
    }

    [Test]
    public async Task Stopping_runs_the_last_work_after_everything_posted_before_and_then_completes()
    {
        var actor = new Actor(_ => { });
        var ran = new List<string>();
        actor.Post(() => ran.Add("posted"));

        await actor.StopAfterAsync(() =>
        {
            ran.Add("last");
            return Task.CompletedTask;
        }).WaitAsync(Bound);

        Assert.That(ran, Is.EqualTo(new[] { "posted", "last" }));
        Assert.That(actor.Completion.IsCompletedSuccessfully);
    }

    [Test]
    public async Task Work_posted_after_completion_is_dropped_and_does_not_count_as_pending()
    {
        var actor = new Actor(_ => { });
        actor.Complete();
        await actor.Completion.WaitAsync(Bound);
        var ran = false;

        actor.Post(() => ran = true);

        Assert.That(actor.IsIdle, "dropped work is not pending");
        await actor.WhenIdleAsync().WaitAsync(Bound);
        Assert.That(ran, Is.False);
    }
}

using Conformance.Engine.Gherkin;
using Conformance.Engine.Running;
using Conformance.Engine.Situations;

namespace Conformance.Tests.Engine.Situations;

public class SituationStoreTests
{
    private static readonly Situation Session = new("whole session", "launchable configuration");

    private static ScenarioContext Context(string name, int line = 1) => new(
        new CompiledScenario { FeaturePath = "features/x.feature", FeatureName = "X", Name = name, Tags = [], Steps = [], Line = line },
        CancellationToken.None);

    private sealed record Run(Recording Recording, int Attempt) : IRecorded;

    [Test]
    public async Task Scenarios_that_need_the_same_situation_share_one_run_of_its_act()
    {
        var store = new SituationStore();
        var attempts = 0;
        Task<Run> Act(Recording recording, CancellationToken _) => Task.FromResult(new Run(recording, Interlocked.Increment(ref attempts)));

        var first = await store.RecordAsync(Context("a"), Session, Act);
        var second = await store.RecordAsync(Context("b"), Session, Act);

        Assert.That(second, Is.SameAs(first));
        Assert.That(attempts, Is.EqualTo(1));
    }

    // An act whose first `unsteady` attempts the harness could not keep time in; each run says which attempt it was.
    private static Func<Recording, CancellationToken, Task<Run>> UnsteadyFor(int unsteady)
    {
        var attempts = 0;
        return (recording, _) =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            if (attempt <= unsteady)
            {
                recording.MarkUnsteady($"late in attempt {attempt}");
            }

            return Task.FromResult(new Run(recording, attempt));
        };
    }

    [Test]
    public async Task A_run_the_harness_could_not_keep_time_in_is_run_again_and_the_steady_one_is_judged()
    {
        var run = await new SituationStore().RecordAsync(Context("a"), Session, UnsteadyFor(1));

        Assert.That(run.Attempt, Is.EqualTo(2));
        Assert.That(run.Recording.Unsteady, Is.Null);
        Assert.That(run.Recording.Notes, Has.One.EqualTo("attempt 1 of this run was set aside: late in attempt 1"));
    }

    [Test]
    public async Task A_run_unsteady_every_time_is_judged_at_its_last_attempt_with_the_earlier_ones_named()
    {
        var run = await new SituationStore().RecordAsync(Context("a"), Session, UnsteadyFor(int.MaxValue));

        Assert.That(run.Attempt, Is.EqualTo(SituationStore.MaxAttempts));
        Assert.That(run.Recording.Unsteady, Is.EqualTo($"late in attempt {SituationStore.MaxAttempts}"));
        Assert.That(run.Recording.Notes, Is.EqualTo(Enumerable.Range(1, SituationStore.MaxAttempts - 1).Select(attempt => $"attempt {attempt} of this run was set aside: late in attempt {attempt}")));
    }

    [Test]
    public async Task An_isolated_store_runs_the_act_afresh_for_each_scenario()
    {
        var store = new SituationStore(isolated: true);
        var attempts = 0;
        Task<Run> Act(Recording recording, CancellationToken _) => Task.FromResult(new Run(recording, Interlocked.Increment(ref attempts)));

        await store.RecordAsync(Context("a"), Session, Act);
        await store.RecordAsync(Context("b", line: 2), Session, Act);

        Assert.That(attempts, Is.EqualTo(2));
    }
}

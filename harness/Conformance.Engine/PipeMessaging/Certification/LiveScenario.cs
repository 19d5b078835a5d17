using Conformance.Engine.Running;
using Conformance.Engine.Situations;
using Conformance.Engine.Validation;

namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>
/// One certification scenario's state: the executable under test for its role, and the recorded run its steps
/// took in. Every scenario that asks for the same act judges the same recording (a fresh one under --isolated).
/// </summary>
internal sealed class LiveScenario(ScenarioContext context, PipeTargets targets, SchemaSet schemas, SituationStore situations)
{
    private readonly List<LiveRun> _runs = [];
    private LiveRun? _run;

    /// <summary>The role under test: the scenario's @role.</summary>
    public string Role => context.Scenario.Roles.FirstOrDefault() ?? throw new InvalidOperationException("The scenario names no @role.");

    /// <summary>The executable under test.</summary>
    public PipeRoleTarget Target => targets.For(Role);

    /// <summary>The recorded run under judgement.</summary>
    public LiveRun Run => _run ?? throw new InvalidOperationException("No run has been recorded yet: a When step must record one.");

    /// <summary>The run of the act named <paramref name="name"/>, which a When step of the scenario recorded.</summary>
    public LiveRun RunOf(string name) =>
        _runs.LastOrDefault(run => run.Recording.Situation.Act == name) ?? throw new InvalidOperationException($"No run of \"{name}\" has been recorded: a When step must record it.");

    /// <summary>Every run the scenario's steps took in, first first.</summary>
    public IReadOnlyList<LiveRun> Runs => _runs;

    /// <summary>Records <paramref name="act"/> and skips the scenario, with the reason, when the run could not show what it judges.</summary>
    public async Task<LiveRun> RecordNeedingAsync(string name, Func<LiveStage, Task> act)
    {
        var run = await RecordAsync(name, act).ConfigureAwait(false);
        RequireWhatItNeeds();
        return run;
    }

    /// <summary>The recording of <paramref name="act"/>, named <paramref name="name"/>: made now if no scenario made it yet, else shared.</summary>
    public async Task<LiveRun> RecordAsync(string name, Func<LiveStage, Task> act)
    {
        var target = Target;
        _run = await situations.RecordAsync(
            context,
            new Situation(name, target.Role),
            async (recording, cancellation) =>
            {
                var run = new LiveRun(recording, target);
                await using (var stage = new LiveStage(run, schemas, cancellation))
                {
                    if (await stage.StartAsync().ConfigureAwait(false))
                    {
                        await act(stage).ConfigureAwait(false);
                    }
                }

                return run;
            }).ConfigureAwait(false);
        _runs.Add(_run);
        return _run;
    }

    /// <summary>Skips the scenario, with the reason, when the run could not show what it judges (a MUST left unchecked).</summary>
    public void RequireWhatItNeeds()
    {
        if (Run.Missing is { } missing)
        {
            throw new ScenarioSkippedException(missing);
        }
    }
}

using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Running;

/// <summary>
/// Runs a selection of scenarios, several at once, and judges the requirements. Parallelism counts the
/// scenarios doing work: one that only waits for another's recording gives its slot back meanwhile.
/// </summary>
internal sealed class ConformanceRun(RunContext context)
{
    /// <summary>Runs <paramref name="scenarios"/> with at most <paramref name="parallelism"/> at a time; results keep the given order.</summary>
    public async Task<RunResult> ExecuteAsync(
        IReadOnlyList<CompiledScenario> scenarios,
        IReadOnlyList<Requirements.Requirement> requirements,
        int parallelism,
        IRunProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var started = DateTimeOffset.UtcNow;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var runner = new ScenarioRunner(context);
        var results = new ScenarioResult[scenarios.Count];
        using var slots = new SemaphoreSlim(parallelism);
        await Task.WhenAll(scenarios.Select(async (scenario, index) =>
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                progress?.Started(scenario);
                results[index] = await runner.RunAsync(scenario, new RunSlot(slots), cancellationToken).ConfigureAwait(false);
                progress?.Finished(results[index]);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);

        // A scenario that gave up waiting may have left an act running: its processes end before the run does.
        await context.Situations.DrainAsync(context.ScenarioTimeout).ConfigureAwait(false);
        return new RunResult(results, RequirementVerdicts.Judge(requirements, results, context.Judging), context.Judging, started, stopwatch.Elapsed);
    }
}

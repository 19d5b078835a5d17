using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Running;

/// <summary>Runs a selection of scenarios, several at once, and judges the requirements.</summary>
public sealed class ConformanceRun(RunContext context)
{
    /// <summary>Runs <paramref name="scenarios"/> with at most <paramref name="parallelism"/> at a time; results keep the given order.</summary>
    public async Task<RunResult> ExecuteAsync(
        IReadOnlyList<CompiledScenario> scenarios,
        IReadOnlyList<Requirements.Requirement> requirements,
        int parallelism,
        bool strict,
        IRunProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var started = DateTimeOffset.UtcNow;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var runner = new ScenarioRunner(context);
        var results = new ScenarioResult[scenarios.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scenarios.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
            async (index, _) =>
            {
                progress?.Started(scenarios[index]);
                results[index] = await runner.RunAsync(scenarios[index], cancellationToken).ConfigureAwait(false);
                progress?.Finished(results[index]);
            }).ConfigureAwait(false);

        return new RunResult(results, RequirementVerdicts.Judge(requirements, results), strict, started, stopwatch.Elapsed);
    }
}

using Conformance.Engine.Running;
using Conformance.Engine.Situations;

namespace Conformance.Engine.Reports;

/// <summary>One run of the executable under test, and what it cost: how long, for how many scenarios, and what it waited for.</summary>
/// <param name="Name">The situation, e.g. "whole session · launchable configuration".</param>
/// <param name="Duration">From its start to the end of its processes.</param>
/// <param name="Scenarios">How many scenarios judged it.</param>
/// <param name="Waits">What it waited for, longest first.</param>
internal sealed record SituationCost(string Name, TimeSpan Duration, int Scenarios, IReadOnlyList<RecordedWait> Waits)
{
    /// <summary>"2.4 s (2.0 s for the remote client's lifetime; 0.3 s for …)", the two longest waits.</summary>
    public string Describe() =>
        $"{Duration.TotalSeconds:0.0} s for {Scenarios} {(Scenarios == 1 ? "scenario" : "scenarios")}"
        + (Waits.Count == 0 ? "" : $", waiting {string.Join("; ", Waits.Take(2).Select(wait => wait.Describe()))}");
}

/// <summary>Where the time of a run went: each run of the executable under test, slowest first, so a reader sees that a deadline, not the harness, cost the time.</summary>
internal static class TimeSpent
{
    /// <summary>Every distinct recording the scenarios of <paramref name="run"/> judged, slowest first.</summary>
    public static IReadOnlyList<SituationCost> Situations(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Scenarios
            .SelectMany(result => result.Recordings)
            .GroupBy(recording => recording, ReferenceEqualityComparer.Instance)
            .Select(group =>
            {
                var recording = (Recording)group.Key!;
                return new SituationCost(recording.Situation.Name, recording.Duration, group.Count(), recording.Waits.OrderByDescending(wait => wait.Duration).ToList());
            })
            .OrderByDescending(cost => cost.Duration)
            .ToList();
    }

    /// <summary>The <paramref name="count"/> slowest scenarios.</summary>
    public static IReadOnlyList<ScenarioResult> SlowestScenarios(RunResult run, int count)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Scenarios.OrderByDescending(result => result.Duration).Take(count).ToList();
    }
}

namespace Conformance.Engine.Running;

/// <summary>How many scenarios (each example row one) came out each way.</summary>
internal sealed record RunSummary(int Passed, int Failed, int NonStrict, int Informational, int Skipped, int Undefined)
{
    /// <summary>Counts <paramref name="scenarios"/>.</summary>
    public static RunSummary Of(IReadOnlyList<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        int Count(ScenarioOutcome outcome) => scenarios.Count(scenario => scenario.Outcome == outcome);
        return new RunSummary(
            Count(ScenarioOutcome.Passed),
            Count(ScenarioOutcome.Failed),
            Count(ScenarioOutcome.NonStrict),
            Count(ScenarioOutcome.Informational),
            Count(ScenarioOutcome.Skipped),
            Count(ScenarioOutcome.Undefined));
    }

    /// <summary>All scenarios.</summary>
    public int Total => Passed + Failed + NonStrict + Informational + Skipped + Undefined;
}

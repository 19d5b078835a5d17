namespace Conformance.Engine.Running;

/// <summary>The whole run: every scenario, every requirement in the selection, and the verdict.</summary>
public sealed record RunResult(
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<RequirementResult> Requirements,
    bool Strict,
    DateTimeOffset Started,
    TimeSpan Duration)
{
    /// <summary>Counts by outcome.</summary>
    public RunSummary Summary => RunSummary.Of(Scenarios);

    /// <summary>
    /// Conformant unless a requirement failed or a scenario is undefined (with --strict, also a requirement
    /// that is only non-strict).
    /// </summary>
    public bool Conformant =>
        Requirements.All(requirement => requirement.Outcome != ScenarioOutcome.Failed && !(Strict && requirement.Outcome == ScenarioOutcome.NonStrict))
        && Scenarios.All(scenario => scenario.Outcome != ScenarioOutcome.Undefined);
}

using Conformance.Engine.Requirements;

namespace Conformance.Engine.Running;

/// <summary>The whole run: every scenario, every requirement in the selection, and the verdict.</summary>
internal sealed record RunResult(
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<RequirementResult> Requirements,
    Judging Judging,
    DateTimeOffset Started,
    TimeSpan Duration)
{
    /// <summary>Counts by outcome.</summary>
    public RunSummary Summary => RunSummary.Of(Scenarios);

    /// <summary>True under --strict: missed SHOULDs are labelled failed.</summary>
    public bool Strict => Judging.Strict;

    /// <summary>
    /// Conformant unless a requirement failed, a MUST went unchecked for a missing prerequisite, or a scenario is
    /// undefined. Under --strict a missed SHOULD is already labelled failed; under --source-only a missed policy
    /// requirement is information.
    /// </summary>
    public bool Conformant =>
        Requirements.All(requirement => requirement.Outcome != ScenarioOutcome.Failed && !requirement.Unchecked)
        && Scenarios.All(scenario => scenario.Outcome != ScenarioOutcome.Undefined);

    /// <summary>The scenarios whose transcript changed, or has no approved baseline yet (with --snapshots).</summary>
    public IReadOnlyList<ScenarioResult> SnapshotRegressions => Scenarios.Where(scenario => scenario.Snapshot?.IsRegression == true).ToList();
    /// <summary>The MUST requirements that could not be checked for a missing prerequisite.</summary>
    public IReadOnlyList<RequirementResult> Unchecked => Requirements.Where(requirement => requirement.Unchecked).ToList();

    /// <summary>The SHOULD requirements missed (non-strict), which --strict would fail.</summary>
    public IReadOnlyList<Requirement> MissedShoulds =>
        Requirements.Where(requirement => requirement.Outcome == ScenarioOutcome.NonStrict).Select(requirement => requirement.Requirement).ToList();

    /// <summary>Under --source-only: the policy requirements violated, counted as information.</summary>
    public IReadOnlyList<Requirement> MissedPolicies => Judging.SourceOnly
        ? Requirements.Where(requirement => requirement.Requirement.IsPolicy && requirement.Outcome == ScenarioOutcome.Informational
            && Scenarios.Any(scenario => scenario.Violations.Any(violation => violation.Requirement == requirement.Requirement.Id)))
            .Select(requirement => requirement.Requirement).ToList()
        : [];

    /// <summary>
    /// The verdict in one line: "CONFORMANT — 2 SHOULD requirements missed: LC-C10, LC-C03; --strict would fail",
    /// "NOT CONFORMANT — failed: LC-C04", and under --source-only the policy rows that were missed.
    /// </summary>
    public string VerdictLine
    {
        get
        {
            var parts = new List<string>();
            if (!Conformant)
            {
                var failed = Requirements.Where(requirement => requirement.Outcome == ScenarioOutcome.Failed).Select(requirement => requirement.Requirement.Id).ToList();
                var undefined = Scenarios.Count(scenario => scenario.Outcome == ScenarioOutcome.Undefined);
                if (failed.Count > 0)
                {
                    parts.Add($"failed: {string.Join(", ", failed)}");
                }

                if (Unchecked is { Count: > 0 } unverified)
                {
                    parts.Add($"unchecked MUST: {string.Join("; ", unverified.GroupBy(requirement => requirement.Reason).Select(group => $"{string.Join(", ", group.Select(requirement => requirement.Requirement.Id))} ({group.Key})"))}");
                }

                if (undefined > 0)
                {
                    parts.Add($"{undefined} {(undefined == 1 ? "scenario is" : "scenarios are")} undefined");
                }
            }

            if (MissedShoulds is { Count: > 0 } shoulds)
            {
                parts.Add($"{shoulds.Count} SHOULD {(shoulds.Count == 1 ? "requirement" : "requirements")} missed: {string.Join(", ", shoulds.Select(requirement => requirement.Id))}; --strict would fail");
            }

            if (MissedPolicies is { Count: > 0 } policies)
            {
                parts.Add($"against the sources alone; {policies.Count} policy {(policies.Count == 1 ? "requirement" : "requirements")} missed, counted as information: {string.Join(", ", policies.Select(requirement => requirement.Id))}");
            }
            else if (Judging.SourceOnly)
            {
                parts.Add("against the sources alone");
            }

            if (SnapshotRegressions is { Count: > 0 } regressions)
            {
                var changed = regressions.Count(scenario => scenario.Snapshot!.Status == Snapshots.SnapshotStatus.Changed);
                var fresh = regressions.Count - changed;
                parts.Add($"against the approved transcripts {changed} changed, {fresh} new");
            }

            var verdict = Conformant ? "CONFORMANT" : "NOT CONFORMANT";
            return parts.Count == 0 ? verdict : $"{verdict} — {string.Join("; ", parts)}";
        }
    }
}

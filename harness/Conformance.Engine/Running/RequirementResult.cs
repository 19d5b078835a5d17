using Conformance.Engine.Requirements;

namespace Conformance.Engine.Running;

/// <summary>One requirement's verdict over the whole run, with the scenarios that carry it.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="Outcome">The worst outcome among the violations naming it; else passed, skipped or not covered.</param>
/// <param name="Scenarios">The display names of the scenarios that carry it.</param>
/// <param name="Reason">When skipped: why its scenarios were not judged.</param>
/// <param name="MissingPrerequisite">When skipped: true when a scenario was skipped for a missing prerequisite, not for the platform.</param>
internal sealed record RequirementResult(Requirement Requirement, ScenarioOutcome Outcome, IReadOnlyList<string> Scenarios, string? Reason = null, bool MissingPrerequisite = false)
{
    /// <summary>
    /// True when a MUST could not be checked for a missing prerequisite: such a run cannot show conformance, so it
    /// is not conformant, and the report says which requirement went unchecked and why.
    /// </summary>
    public bool Unchecked => Outcome == ScenarioOutcome.Skipped && MissingPrerequisite && Requirement.Level == RequirementLevel.Must;
}

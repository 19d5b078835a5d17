using Conformance.Engine.Requirements;

namespace Conformance.Engine.Running;

/// <summary>One requirement's verdict over the whole run, with the scenarios that carry it.</summary>
public sealed record RequirementResult(Requirement Requirement, ScenarioOutcome Outcome, IReadOnlyList<string> Scenarios);

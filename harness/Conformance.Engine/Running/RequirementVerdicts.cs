using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;

namespace Conformance.Engine.Running;

/// <summary>Turns scenario results into one verdict per requirement, as results.json defines it.</summary>
internal static class RequirementVerdicts
{
    /// <summary>
    /// The requirements in the selection: every catalog entry of the selected roles, or, when a tag filter
    /// narrowed the run, those the selected scenarios carry.
    /// </summary>
    public static IReadOnlyList<Requirement> InSelection(RequirementCatalog catalog, IReadOnlyList<CompiledScenario> selected, IReadOnlyCollection<string>? roles, bool tagFiltered)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(selected);
        var tagged = selected.SelectMany(scenario => scenario.Requirements).ToHashSet(StringComparer.Ordinal);
        return catalog.Requirements
            .Where(requirement => roles is null || requirement.Roles.Any(roles.Contains))
            .Where(requirement => !tagFiltered || tagged.Contains(requirement.Id))
            .ToList();
    }

    /// <summary>Each requirement's outcome: the worst violation naming it, else passed, skipped or not covered.</summary>
    public static IReadOnlyList<RequirementResult> Judge(IReadOnlyList<Requirement> requirements, IReadOnlyList<ScenarioResult> scenarios, Judging? judging = null)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(scenarios);
        return requirements.Select(requirement => Judge(requirement, scenarios, judging ?? Judging.Default)).ToList();
    }

    private static RequirementResult Judge(Requirement requirement, IReadOnlyList<ScenarioResult> scenarios, Judging judging)
    {
        var carriers = scenarios.Where(result => result.Scenario.Requirements.Contains(requirement.Id)).ToList();
        var names = carriers.Select(result => result.Scenario.DisplayName).ToList();
        var violations = scenarios.SelectMany(result => result.Violations).Where(violation => violation.Requirement == requirement.Id).ToList();
        if (violations.Count > 0)
        {
            var worst = violations.Select(violation => violation.Hard ? ScenarioOutcome.Failed : judging.ViolationOutcome(requirement))
                .MaxBy(OutcomeNames.Severity);
            return new RequirementResult(requirement, worst, names);
        }

        var ran = carriers.Where(result => result.Outcome is not (ScenarioOutcome.Skipped or ScenarioOutcome.Undefined)).ToList();
        var outcome = ran.Count > 0 ? ScenarioOutcome.Passed
            : carriers.Count > 0 && carriers.All(result => result.Outcome == ScenarioOutcome.Skipped) ? ScenarioOutcome.Skipped
            : ScenarioOutcome.NotCovered;
        if (outcome != ScenarioOutcome.Skipped)
        {
            return new RequirementResult(requirement, outcome, names);
        }

        var missing = carriers.FirstOrDefault(result => result.MissingPrerequisite);
        return new RequirementResult(requirement, outcome, names, (missing ?? carriers[0]).Reason, missing is not null);
    }
}

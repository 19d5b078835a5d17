using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;

namespace Conformance.Engine.Running;

/// <summary>What a run will execute: the scenarios selected by role and tags, and the requirements in that selection.</summary>
internal sealed record RunPlan(IReadOnlyList<CompiledScenario> Scenarios, IReadOnlyList<Requirement> Requirements)
{
    /// <summary>
    /// Selects from <paramref name="all"/> the scenarios of <paramref name="role"/> (every role when null) that
    /// match <paramref name="tags"/>. A role's selection is what certifying that role runs, so it leaves out the
    /// scenarios tagged <see cref="Tag.InProcess"/>, which can only drive the reference implementation.
    /// </summary>
    public static RunPlan Select(IReadOnlyList<CompiledScenario> all, RequirementCatalog catalog, string? role, TagExpression tags)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(tags);
        var scenarios = all
            .Where(scenario => role is null || (scenario.Roles.Contains(role) && !scenario.HasTag(Tag.InProcess)))
            .Where(scenario => tags.Matches(scenario.Tags.ToList()))
            .ToList();
        var roles = role is null ? null : new[] { role };
        return new RunPlan(scenarios, RequirementVerdicts.InSelection(catalog, scenarios, roles, tagFiltered: tags != TagExpression.All));
    }
}

using Conformance.Engine.Requirements;

namespace Conformance.Engine.Running;

/// <summary>
/// How violations weigh in a run: by default a MUST fails, a SHOULD is non-strict, a MAY is information.
/// <c>--strict</c> makes a SHOULD fail too; <c>--source-only</c> counts policy rows (beyond the source) as information,
/// for the verdict against the sources alone.
/// </summary>
/// <param name="Strict">SHOULD violations fail.</param>
/// <param name="SourceOnly">Violations of policy requirements are information only.</param>
internal sealed record Judging(bool Strict = false, bool SourceOnly = false)
{
    /// <summary>The default: the full verdict, SHOULDs flagged but not failing.</summary>
    public static Judging Default { get; } = new();

    /// <summary>The outcome a violation of <paramref name="requirement"/> gives.</summary>
    public ScenarioOutcome ViolationOutcome(Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        if (SourceOnly && requirement.IsPolicy)
        {
            return ScenarioOutcome.Informational;
        }

        return requirement.Level switch
        {
            RequirementLevel.Must => ScenarioOutcome.Failed,
            RequirementLevel.Should => Strict ? ScenarioOutcome.Failed : ScenarioOutcome.NonStrict,
            _ => ScenarioOutcome.Informational,
        };
    }
}

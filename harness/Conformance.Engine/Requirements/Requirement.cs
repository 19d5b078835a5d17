using Conformance.Engine.Running;

namespace Conformance.Engine.Requirements;

/// <summary>One catalog entry, in the project's own words.</summary>
/// <param name="Id">The stable ID, such as <c>LC-C04</c>.</param>
/// <param name="Level">MUST, SHOULD or MAY.</param>
/// <param name="Role">The party it binds, such as <c>connector</c>.</param>
/// <param name="Summary">What it asks for.</param>
/// <param name="Interpretation">True when the rule is the suite's reading of an unclear source.</param>
/// <param name="Protocol">The protocol folder it belongs to.</param>
public sealed record Requirement(string Id, RequirementLevel Level, string Role, string Summary, bool Interpretation, string Protocol)
{
    /// <summary>"MUST", "SHOULD" or "MAY", as reports write it.</summary>
    public string LevelName => Level.ToString().ToUpperInvariant();

    /// <summary>The scenario outcome a violation of this requirement gives.</summary>
    public ScenarioOutcome ViolationOutcome => Level switch
    {
        RequirementLevel.Must => ScenarioOutcome.Failed,
        RequirementLevel.Should => ScenarioOutcome.NonStrict,
        _ => ScenarioOutcome.Informational,
    };
}

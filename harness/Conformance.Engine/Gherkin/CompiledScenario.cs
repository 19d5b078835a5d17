namespace Conformance.Engine.Gherkin;

/// <summary>
/// One runnable scenario: a plain scenario, or one example row of an outline, with the background's steps
/// first and the tags of its feature, scenario and examples together.
/// </summary>
internal sealed record CompiledScenario
{
    /// <summary>The feature file, relative to the project root, with forward slashes.</summary>
    public required string FeaturePath { get; init; }

    /// <summary>The feature's name.</summary>
    public required string FeatureName { get; init; }

    /// <summary>The name of the Rule the scenario sits in, if any.</summary>
    public string? RuleName { get; init; }

    /// <summary>The Cucumber pickle it was compiled from; null for scenarios built by hand (tests).</summary>
    public Io.Cucumber.Messages.Types.Pickle? Pickle { get; init; }

    /// <summary>The scenario's name, outline values filled in.</summary>
    public required string Name { get; init; }

    /// <summary>Tags as written, with their '@', feature tags first.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Background steps, then the scenario's.</summary>
    public required IReadOnlyList<CompiledStep> Steps { get; init; }

    /// <summary>The line of the scenario (or outline) in its file.</summary>
    public required int Line { get; init; }

    /// <summary>The example row (header → value) for an outline's scenario; null otherwise.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Example { get; init; }

    /// <summary>The name of the Examples block the row comes from.</summary>
    public string? ExamplesName { get; init; }

    /// <summary>The line of the example row.</summary>
    public int? ExampleLine { get; init; }

    /// <summary>The protocol: the folder under <c>features/</c> the file is in, e.g. "launcher-connector".</summary>
    public string Protocol => FeaturePath.Split('/') is ["features", var protocol, _, ..] ? protocol : "";

    /// <summary>A stable identity: file and line (and example line).</summary>
    public string Id => ExampleLine is { } row ? $"{FeaturePath}:{Line}:{row}" : $"{FeaturePath}:{Line}";

    /// <summary>"Feature / Scenario", as test runners show it.</summary>
    public string DisplayName => $"{FeatureName} / {Name}";

    /// <summary>The requirement IDs from the <c>@req:</c> tags, in order.</summary>
    public IReadOnlyList<string> Requirements => Tags.Where(tag => tag.StartsWith(Tag.RequirementPrefix, StringComparison.Ordinal))
        .Select(tag => tag[Tag.RequirementPrefix.Length..]).Distinct().ToList();

    /// <summary>
    /// What a check that has no requirement of its own names when it fails: the scenario's requirements, or
    /// "(untagged)" when it carries none, so that a failure is never dropped for want of an ID.
    /// </summary>
    public IReadOnlyList<string> JudgedRequirements => Requirements is { Count: > 0 } requirements ? requirements : ["(untagged)"];

    /// <summary>The roles from the <c>@role:</c> tags.</summary>
    public IReadOnlyList<string> Roles => Tags.Where(tag => tag.StartsWith(Tag.RolePrefix, StringComparison.Ordinal))
        .Select(tag => tag[Tag.RolePrefix.Length..]).Distinct().ToList();

    /// <summary>True when the scenario carries <paramref name="tag"/> (with its '@').</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}

using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Reports;

/// <summary>Where a scenario's transcript goes in a report folder: <c>transcripts/&lt;feature&gt;/&lt;scenario&gt;.json</c>.</summary>
internal static class TranscriptPaths
{
    /// <summary>The path relative to the report folder, with forward slashes.</summary>
    public static string Of(CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return $"transcripts/{Slug.Of(Path.GetFileNameWithoutExtension(scenario.FeaturePath))}/{Slug.Of(scenario.Name)}.json";
    }
}

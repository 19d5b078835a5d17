using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;

namespace Conformance.Endurance.Output;

/// <summary>The figures of a check as JSON, for a CI job to keep or compare: each figure at the three measurements, its growth and its allowance.</summary>
internal static class JsonFigures
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(string path, EnduranceResult result)
    {
        var document = new JsonObject
        {
            ["steady"] = result.Steady,
            ["grew"] = new JsonArray(result.Grown.Select(figure => (JsonNode)figure.Key).ToArray()),
            ["wallSeconds"] = Math.Round(result.WallTime.TotalSeconds, 1),
            ["options"] = new JsonObject
            {
                ["sessions"] = result.Options.Sessions,
                ["scenarios"] = result.Options.Scenarios,
                ["parallel"] = result.Options.Parallel,
                ["fixture"] = new JsonArray(result.FixtureCommand.Select(part => (JsonNode)part).ToArray()),
                ["warmUpRuns"] = EnduranceOptions.WarmUpRuns,
            },
            ["sessions"] = Tally(result.Sessions, result.SessionsAfterWarmUp),
            ["certifications"] = Tally(result.Certifications, result.ScenariosAfterWarmUp),
            ["figures"] = new JsonObject(FigureCatalog.All.Select(figure => KeyValuePair.Create(figure.Key, (JsonNode?)Figure(result, figure)))),
            ["kindsAfter"] = new JsonObject
            {
                ["descriptors"] = Counts(result.After.DescriptorKinds),
                ["threads"] = Counts(result.After.ThreadKinds),
                ["tempEntries"] = Counts(result.After.TempEntryKinds),
            },
            ["kindChangesAfterWarmUp"] = new JsonObject
            {
                ["descriptors"] = Counts(result.DescriptorChanges),
                ["threads"] = Counts(result.ThreadChanges),
                ["tempEntries"] = Counts(result.TempEntryChanges),
            },
        };
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, document.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Figure(EnduranceResult result, Figure figure) => new()
    {
        ["before"] = figure.Read(result.Before),
        ["afterWarmUp"] = figure.Read(result.AfterWarmUp),
        ["afterSessions"] = figure.Read(result.AfterSessions),
        ["after"] = figure.Read(result.After),
        ["growth"] = result.Growth(figure),
        ["per1000Sessions"] = result.PerThousandSessions(figure) is { } sessionRate ? Math.Round(sessionRate, 3) : null,
        ["per1000Scenarios"] = result.PerThousandScenarios(figure) is { } scenarioRate ? Math.Round(scenarioRate, 3) : null,
        ["allowed"] = figure.Tolerance,
        ["grew"] = result.Growth(figure) > figure.Tolerance,
    };

    private static JsonObject Counts(IEnumerable<KeyValuePair<string, int>> counts) =>
        new(counts.OrderBy(count => count.Key, StringComparer.Ordinal).Select(count => KeyValuePair.Create(count.Key, (JsonNode?)count.Value)));

    private static JsonObject Tally(WorkTally tally, int unitsAfterWarmUp) => new()
    {
        ["runs"] = tally.Completed,
        ["units"] = tally.Units,
        ["unitsAfterWarmUp"] = unitsAfterWarmUp,
        ["failed"] = tally.Failed,
        ["seconds"] = Math.Round(tally.Elapsed.TotalSeconds, 1),
        ["failures"] = new JsonArray(tally.Failures.Select(failure => (JsonNode)failure).ToArray()),
    };
}

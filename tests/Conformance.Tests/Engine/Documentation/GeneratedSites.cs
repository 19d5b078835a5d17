using Conformance.Engine;
using Conformance.Engine.Documentation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Documentation;

/// <summary>
/// The sites the documentation tests read, each built once: the project's own, the project's with the outcomes of a
/// run that flagged LC-C03 (a C# connector written the obvious way), and a small made-up project that uses every
/// Gherkin construct (Rule, data table, doc string) with no module registered.
/// </summary>
internal static class GeneratedSites
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> ProjectSite = new(() => BuildAsync(Project.Layout, null, null));

    // The sites are built in memory, so the folders they are read from go as soon as they are built.
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> ProjectSiteWithResults = new(async () =>
    {
        var results = Directory.CreateTempSubdirectory("docs-results").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(results, "results.json"), LastRunOfACSharpConnector);
            return await BuildAsync(Project.Layout, results, null);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    });

    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> DemoSite = new(async () =>
    {
        var root = DemoProject.Create();
        try
        {
            return await BuildAsync(new ProjectLayout(root), null, Path.Combine(root, "snapshots"), modules: []);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    });

    public static Task<IReadOnlyDictionary<string, string>> Suite() => ProjectSite.Value;

    public static Task<IReadOnlyDictionary<string, string>> WithResults() => ProjectSiteWithResults.Value;

    public static Task<IReadOnlyDictionary<string, string>> Demo() => DemoSite.Value;

    private static async Task<IReadOnlyDictionary<string, string>> BuildAsync(ProjectLayout layout, string? results, string? snapshots, IReadOnlyList<Conformance.Engine.Modules.IProtocolModule>? modules = null) =>
        DocsSite.Build(await DocsSources.LoadAsync(layout, results, snapshots, modules));

    public const string LastRunOfACSharpConnector = """
        {
          "tool": { "name": "conformance", "version": "0.1.0" },
          "target": { "role": "connector", "command": ["dotnet", "MyConnector.dll"] },
          "outcome": "conformant",
          "verdict": "CONFORMANT — 1 SHOULD requirement missed: LC-C03; --strict would fail",
          "judging": { "strict": false, "sourceOnly": false },
          "summary": { "passed": 1, "failed": 0, "nonStrict": 1, "informational": 0, "skipped": 0, "undefined": 0 },
          "requirements": [
            { "id": "LC-C03", "level": "SHOULD", "origin": "policy", "note": "n", "outcome": "non-strict" },
            { "id": "LC-C02", "level": "MUST", "origin": "source", "outcome": "passed" }
          ],
          "scenarios": [
            {
              "feature": "features/launcher-connector/connector-lines.feature",
              "name": "no byte-order mark and no CR (launchable configuration)",
              "tags": ["@role:connector", "@req:LC-C03", "@policy"],
              "requirements": ["LC-C03"],
              "outcome": "non-strict",
              "durationMs": 1200,
              "violations": [ { "requirement": "LC-C03", "expected": "no byte-order mark before the first line", "actual": "the first line starts with EF BB BF <bom>" } ]
            },
            {
              "feature": "features/launcher-connector/connector-lines.feature",
              "name": "each line is one UTF-8 JSON object ended by LF, within the line limit (launchable configuration)",
              "tags": ["@role:connector", "@req:LC-C02"],
              "requirements": ["LC-C02"],
              "outcome": "passed",
              "durationMs": 1100,
              "violations": []
            }
          ]
        }
        """;
}

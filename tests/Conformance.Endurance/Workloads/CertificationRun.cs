using System.Text.Json;
using Conformance.Cli;
using Conformance.Engine;

namespace Conformance.Endurance.Workloads;

/// <summary>
/// One certification of a conformant fixture through the real command, in this process: <c>certify connector
/// --isolated</c> (a fresh run of the fixture per scenario) with its report in a temp folder that is deleted after.
/// </summary>
internal sealed class CertificationRun(ProjectLayout layout, IReadOnlyList<string> fixture)
{
    private const int ExcerptChars = 2000;

    /// <summary>What one certification came to: its scenarios, and why it failed when it did.</summary>
    public sealed record Outcome(int Scenarios, string? Failure);

    public async Task<Outcome> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("certify-").FullName;
        try
        {
            var manifest = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(manifest, CertificationManifest.Json());
            var report = Path.Combine(folder, "report");
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await ConformanceCommand.RunAsync(
                ["certify", "connector", "--isolated", "--root", layout.Root, "--manifest", manifest, "--report", report, "--", .. fixture],
                output,
                error);

            var results = Path.Combine(report, "results.json");
            var scenarios = File.Exists(results) ? await CountScenariosAsync(results) : 0;
            return code == 0 && scenarios > 0
                ? new Outcome(scenarios, null)
                : new Outcome(scenarios, $"exit code {code}, {scenarios} scenarios:\n{Excerpt(output.ToString() + error)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> CountScenariosAsync(string results)
    {
        await using var stream = File.OpenRead(results);
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.GetProperty("scenarios").GetArrayLength();
    }

    private static string Excerpt(string text)
    {
        // The scenarios that passed say nothing about the failure; the summary at the end does.
        var lines = text.Split('\n').Where(line => !line.Contains("] passed ", StringComparison.Ordinal));
        var kept = string.Join('\n', lines);
        return kept.Length <= ExcerptChars ? kept : kept[^ExcerptChars..];
    }
}

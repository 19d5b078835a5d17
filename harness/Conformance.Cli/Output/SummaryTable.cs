using Conformance.Engine.Reports;
using Conformance.Engine.Running;
using Spectre.Console;

namespace Conformance.Cli.Output;

/// <summary>The end of a run: requirement, level, outcome; then the counts and the verdict.</summary>
internal static class SummaryTable
{
    public static async Task WriteAsync(TextWriter output, RunResult result)
    {
        var summary = result.Summary;
        var verdict = result.VerdictLine;
        var counts = $"{summary.Total} scenarios: {summary.Passed} passed, {summary.Failed} failed, {summary.NonStrict} non-strict, " +
            $"{summary.Informational} informational, {summary.Skipped} skipped, {summary.Undefined} undefined; {result.Duration.TotalSeconds:0.0} s";

        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Ansi)
        {
            var table = new Table().AddColumns("Requirement", "Level", "Origin", "Outcome", "Scenarios");
            foreach (var requirement in result.Requirements)
            {
                table.AddRow(requirement.Requirement.Id, requirement.Requirement.LevelName, requirement.Requirement.OriginName, Colour(requirement.Outcome), requirement.Scenarios.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            foreach (var line in TimeLines(result))
            {
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
            }

            AnsiConsole.MarkupLine(Markup.Escape(counts));
            AnsiConsole.MarkupLine(result.Conformant ? $"[green bold]{Markup.Escape(verdict)}[/]" : $"[red bold]{Markup.Escape(verdict)}[/]");
            return;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"Requirement",-12}{"Level",-8}{"Origin",-16}{"Outcome",-15}Scenarios");
        foreach (var requirement in result.Requirements)
        {
            await output.WriteLineAsync($"{requirement.Requirement.Id,-12}{requirement.Requirement.LevelName,-8}{requirement.Requirement.OriginName,-16}{OutcomeNames.Of(requirement.Outcome),-15}{requirement.Scenarios.Count}");
        }

        foreach (var line in TimeLines(result))
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync(counts);
        await output.WriteLineAsync(verdict);
    }

    /// <summary>Where the time went, and, with --snapshots, which transcripts changed against the approved baseline.</summary>
    private static IEnumerable<string> TimeLines(RunResult result)
    {
        foreach (var regression in result.SnapshotRegressions)
        {
            yield return $"Snapshot {regression.Snapshot!.StateName}: {regression.Scenario.DisplayName} — review {regression.Snapshot.ReceivedPath}, approve with --accept";
        }

        var situations = TimeSpent.Situations(result);
        if (situations.Count == 0)
        {
            yield break;
        }

        yield return $"Time: {situations.Count} runs of the executable under test for {result.Scenarios.Count(scenario => scenario.Recordings.Count > 0)} scenarios; the slowest:";
        foreach (var cost in situations.Take(3))
        {
            yield return $"  {cost.Name}: {cost.Describe()}";
        }
    }

    private static string Colour(ScenarioOutcome outcome)
    {
        var name = OutcomeNames.Of(outcome);
        return outcome switch
        {
            ScenarioOutcome.Passed => $"[green]{name}[/]",
            ScenarioOutcome.Failed or ScenarioOutcome.NotCovered => $"[red]{name}[/]",
            ScenarioOutcome.NonStrict => $"[yellow]{name}[/]",
            _ => $"[grey]{name}[/]",
        };
    }
}

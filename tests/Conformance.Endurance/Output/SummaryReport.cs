using System.Globalization;
using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;
using Spectre.Console;

namespace Conformance.Endurance.Output;

/// <summary>The end of a check: one row per figure (before, after warm-up, after, growth, per 1,000 sessions and scenarios, allowed), the runs, and the verdict.</summary>
internal static class SummaryReport
{
    private static readonly string[] Headers = ["Figure", "Before", "Warm-up", "After", "Growth", "/1,000 sessions", "/1,000 scenarios", "Allowed", ""];

    public static async Task WriteAsync(TextWriter output, EnduranceResult result)
    {
        var rows = FigureCatalog.All.Select(figure => Row(result, figure)).ToList();
        var lines = new List<string>
        {
            Runs("reference sessions", result.Sessions, "sessions"),
            Runs("certifications", result.Certifications, "scenarios"),
            string.Create(CultureInfo.InvariantCulture, $"after the warm-up: {result.SessionsAfterWarmUp} sessions, then {result.ScenariosAfterWarmUp} scenarios; growth is warm-up to end, each rate its own phase's; wall time {result.WallTime:hh\\:mm\\:ss}"),
        };
        lines.AddRange(result.Sessions.Failures.Select(failure => $"session failure: {failure}"));
        lines.AddRange(result.Certifications.Failures.Select(failure => $"certification failure: {failure}"));
        if (result.DescriptorChanges.Count > 0)
        {
            lines.Add($"descriptors by kind, warm-up to end: {Changes(result.DescriptorChanges)}");
        }

        if (result.ThreadChanges.Count > 0)
        {
            lines.Add($"threads by name, warm-up to end: {Changes(result.ThreadChanges)}");
        }

        if (result.TempEntryChanges.Count > 0)
        {
            lines.Add($"temp folder entries by kind, warm-up to end: {Changes(result.TempEntryChanges)}");
        }

        var verdict = Verdict(result);
        if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out) && AnsiConsole.Profile.Capabilities.Ansi)
        {
            var table = new Table().AddColumns(Headers);
            foreach (var row in rows)
            {
                table.AddRow(row.Select((cell, index) => index == row.Length - 1 ? Colour(cell) : Markup.Escape(cell)).ToArray());
            }

            AnsiConsole.Write(table);
            lines.ForEach(line => AnsiConsole.MarkupLine(Markup.Escape(line)));
            AnsiConsole.MarkupLine(result.Steady ? $"[green bold]{Markup.Escape(verdict)}[/]" : $"[red bold]{Markup.Escape(verdict)}[/]");
            return;
        }

        await output.WriteLineAsync();
        var widths = Enumerable.Range(0, Headers.Length).Select(column => rows.Append(Headers).Max(row => row[column].Length) + 2).ToArray();
        foreach (var row in rows.Prepend(Headers))
        {
            await output.WriteLineAsync(string.Concat(row.Select((cell, index) => index == 0 ? cell.PadRight(widths[index]) : cell.PadLeft(widths[index]))).TrimEnd());
        }

        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync(verdict);
    }

    private static string[] Row(EnduranceResult result, Figure figure)
    {
        var growth = result.Growth(figure);
        return
        [
            figure.Name,
            figure.Format(figure.Read(result.Before)),
            figure.Format(figure.Read(result.AfterWarmUp)),
            figure.Format(figure.Read(result.After)),
            figure.FormatGrowth(growth),
            result.PerThousandSessions(figure) is { } sessionRate ? figure.FormatRate(sessionRate) : "n/a",
            result.PerThousandScenarios(figure) is { } scenarioRate ? figure.FormatRate(scenarioRate) : "n/a",
            figure.Format(figure.Tolerance),
            growth > figure.Tolerance ? "GREW" : "ok",
        ];
    }

    private static string Changes(IReadOnlyList<KeyValuePair<string, int>> changes) =>
        string.Join(", ", changes.Select(change => string.Create(CultureInfo.InvariantCulture, $"{change.Key} {change.Value:+0;-0}")));

    private static string Runs(string what, WorkTally tally, string units) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: {tally.Completed} run ({tally.Units} {units}), {tally.Failed} failed, {tally.Elapsed.TotalSeconds:0} s");

    private static string Verdict(EnduranceResult result)
    {
        if (result.Steady)
        {
            return "STEADY: no figure grew beyond its allowance and every run reached its end";
        }

        var reasons = result.Grown.Select(figure => $"{figure.Name} grew by {figure.FormatGrowth(result.Growth(figure))}").ToList();
        if (result.Sessions.Failed > 0)
        {
            reasons.Add($"{result.Sessions.Failed} sessions failed");
        }

        if (result.Certifications.Failed > 0)
        {
            reasons.Add($"{result.Certifications.Failed} certifications failed");
        }

        return $"NOT STEADY: {string.Join("; ", reasons)}";
    }

    private static string Colour(string cell) => cell == "ok" ? "[green]ok[/]" : $"[red]{Markup.Escape(cell)}[/]";
}

using System.Text.RegularExpressions;

namespace Conformance.Engine.Documentation.Sources;

/// <summary>
/// The fixtures' README (<c>tests/fixtures/README.md</c>) read as data: every table whose header starts with
/// <c>Fixture</c> and has a <c>Language</c> column, a description (<c>What it does wrong</c> or <c>Breaks</c>) and an
/// expected verdict last, whatever role its section is about, so that a requirement's page lists the fixtures that
/// break it.
/// </summary>
internal static partial class FixtureTable
{
    private static readonly string[] Descriptions = ["what it does wrong", "breaks"];

    /// <summary>The outcomes that mean a fixture breaks a requirement (skipped and passed do not).</summary>
    private static readonly HashSet<string> BreakingOutcomes = new(StringComparer.Ordinal) { "failed", "non-strict", "informational" };

    /// <summary>The rows of every fixture table in <paramref name="readme"/>; none when the file does not exist.</summary>
    public static IReadOnlyList<FixtureRow> Load(string readme)
    {
        if (!File.Exists(readme))
        {
            return [];
        }

        var rows = new List<FixtureRow>();
        var section = "";
        (int Language, int Description, int Count)? table = null;
        foreach (var line in File.ReadLines(readme))
        {
            if (line.StartsWith('#'))
            {
                section = line.TrimStart('#').Trim().Replace("`", "", StringComparison.Ordinal);
            }

            if (!line.StartsWith('|'))
            {
                table = null;
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            if (Header(cells) is { } header)
            {
                table = header;
            }
            else if (table is (var language, var description, var count) && cells.Length == count && !cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                rows.Add(new FixtureRow(cells[0].Trim('`'), cells[language], cells[description], cells[^1], section, Outcomes(cells[^1])));
            }
        }

        return rows;
    }

    // A fixture table's header: where its language and description are, and how many cells each row has.
    private static (int Language, int Description, int Count)? Header(string[] cells)
    {
        var names = cells.Select(cell => cell.ToLowerInvariant()).ToList();
        var language = names.IndexOf("language");
        var description = names.FindIndex(name => Descriptions.Contains(name, StringComparer.Ordinal));
        return names.Count >= 4 && names[0] == "fixture" && language > 0 && description > 0 && names[^1].StartsWith("expected", StringComparison.Ordinal)
            ? (language, description, names.Count)
            : null;
    }

    /// <summary>The fixtures whose expected verdict has <paramref name="requirement"/> failed, non-strict or informational.</summary>
    public static IEnumerable<FixtureRow> Breaking(IEnumerable<FixtureRow> rows, string requirement) =>
        rows.Where(row => row.Outcomes.TryGetValue(requirement, out var outcome) && BreakingOutcomes.Contains(outcome));

    // "LC-C02 failed, LC-C07 non-strict" → each ID with its outcome; phrases like "every other skipped" name no ID.
    private static Dictionary<string, string> Outcomes(string expected) =>
        OutcomePattern().Matches(expected).GroupBy(match => match.Groups["id"].Value)
            .ToDictionary(group => group.Key, group => group.First().Groups["outcome"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\w-])(?<id>[A-Z]+-[A-Z]*[0-9]+) (?<outcome>failed|non-strict|informational|skipped|passed)\b")]
    private static partial Regex OutcomePattern();
}

/// <summary>One fixture as its README lists it.</summary>
/// <param name="Fixture">The fixture, as the table names it (a file, or a program and its argument).</param>
/// <param name="Language">The language it is written in.</param>
/// <param name="WhatItDoesWrong">The one thing it does wrong.</param>
/// <param name="Expected">The verdict certification gives it, as written.</param>
/// <param name="Section">The heading the table sits under, such as "Connectors (certify connector)".</param>
/// <param name="Outcomes">Each requirement the verdict names, with its outcome.</param>
internal sealed record FixtureRow(string Fixture, string Language, string WhatItDoesWrong, string Expected, string Section, IReadOnlyDictionary<string, string> Outcomes);

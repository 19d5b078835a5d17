namespace Conformance.Engine.Documentation.Sources;

/// <summary>
/// A table the project's README keeps between <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c>, read
/// as data, so that the living documentation shows what the README states (the mutation scores) without a copy.
/// </summary>
/// <param name="Header">The header row's cells.</param>
/// <param name="Rows">The body rows' cells, in order.</param>
internal sealed record ReadmeTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The README's table of Stryker scores, one row per configuration.</summary>
    public const string MutationScores = "mutation-scores";

    /// <summary>The first table between the markers named <paramref name="name"/>; null when the file, the markers or the table are missing.</summary>
    public static ReadmeTable? Load(string readme, string name)
    {
        if (!File.Exists(readme))
        {
            return null;
        }

        var lines = File.ReadAllLines(readme);
        var start = Array.IndexOf(lines, $"<!-- {name}:start -->");
        var end = Array.IndexOf(lines, $"<!-- {name}:end -->");
        if (start < 0 || end < start)
        {
            return null;
        }

        var rows = lines[(start + 1)..end]
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Select(Cells)
            .Where(cells => !cells.All(cell => cell.Length > 0 && cell.Trim(':').All(character => character == '-')))
            .ToList();
        return rows.Count == 0 ? null : new ReadmeTable(rows[0], rows.Skip(1).ToList());
    }

    private static IReadOnlyList<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
}

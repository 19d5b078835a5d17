namespace Conformance.Engine.Gherkin;

/// <summary>A step's table: a header row and data rows of strings.</summary>
internal sealed class DataTable
{
    /// <summary>Creates a table from its rows, the first being the header.</summary>
    public DataTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("A table has at least a header row.", nameof(rows));
        }

        Header = rows[0];
        Rows = rows.Skip(1).Select(row => (IReadOnlyDictionary<string, string>)Header.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second)).ToList();
        RawRows = rows;
    }

    /// <summary>The header cells.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, each keyed by header.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Every row as written, header first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RawRows { get; }
}

using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Conformance.Engine.Snapshots;

/// <summary>A readable line diff of two snapshots: changed lines with a little context, unchanged runs elided.</summary>
internal static class SnapshotDiff
{
    private const int Context = 2;

    /// <summary>Lines only in <paramref name="approved"/> start with "-", lines only in <paramref name="received"/> with "+".</summary>
    public static string Describe(string approved, string received)
    {
        var diff = new InlineDiffBuilder(new Differ()).BuildDiffModel(approved, received, ignoreWhitespace: false);
        var lines = diff.Lines;
        var keep = new bool[lines.Count];
        for (var index = 0; index < lines.Count; index++)
        {
            if (lines[index].Type != ChangeType.Unchanged)
            {
                for (var near = Math.Max(0, index - Context); near <= Math.Min(lines.Count - 1, index + Context); near++)
                {
                    keep[near] = true;
                }
            }
        }

        var text = new StringBuilder();
        var elided = false;
        for (var index = 0; index < lines.Count; index++)
        {
            if (!keep[index])
            {
                elided = true;
                continue;
            }

            if (elided)
            {
                text.AppendLine("  …");
                elided = false;
            }

            var prefix = lines[index].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            text.Append(prefix).AppendLine(lines[index].Text);
        }

        return text.ToString();
    }
}

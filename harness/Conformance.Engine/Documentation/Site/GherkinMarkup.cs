using System.Text;
using System.Text.RegularExpressions;
using static Conformance.Engine.Documentation.Site.Fragments;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Documentation.Site;

/// <summary>Steps as HTML: keyword, text with outline placeholders marked, a data table as a table, a doc string as a block.</summary>
internal static partial class GherkinMarkup
{
    public static string Steps(IEnumerable<Messages.Step> steps)
    {
        var html = new StringBuilder("<ol class=\"steps\">\n");
        foreach (var step in steps)
        {
            html.Append($"<li><span class=\"kw\">{E(step.Keyword.Trim())}</span> {Text(step.Text)}");
            if (step.DataTable is { Rows.Count: > 0 } table)
            {
                var rows = table.Rows.Select(row => row.Cells.Select(cell => Text(cell.Value))).ToList();
                html.Append('\n').Append(Table(rows[0], rows.Skip(1), "data"));
            }

            if (step.DocString is { } docString)
            {
                var media = docString.MediaType is { Length: > 0 } type ? $" data-media-type=\"{E(type)}\"" : "";
                html.Append($"\n<pre class=\"docstring\"{media}><code>{Text(docString.Content)}</code></pre>");
            }

            html.Append("</li>\n");
        }

        return html.Append("</ol>\n").ToString();
    }

    /// <summary>Step or name text, escaped, with each <c>&lt;placeholder&gt;</c> of an outline marked.</summary>
    public static string Text(string text) =>
        string.Concat(Placeholder().Split(text).Select((part, index) => index % 2 == 1 ? $"<span class=\"param\">&lt;{E(part)}&gt;</span>" : E(part)));

    [GeneratedRegex("<([^<>\n]+)>")]
    private static partial Regex Placeholder();
}

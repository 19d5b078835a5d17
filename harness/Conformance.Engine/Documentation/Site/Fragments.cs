using System.Text;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;

namespace Conformance.Engine.Documentation.Site;

/// <summary>Pieces of HTML that several pages share: badges, links to requirements, tags, prose, tables. Every text is escaped here.</summary>
internal static class Fragments
{
    public static string E(string? text) => Markup.Escape(text);

    public static string Link(string from, string to, string text, string? css = null) =>
        $"<a href=\"{E(LinkMap.Relative(from, to))}\"{(css is null ? "" : $" class=\"{css}\"")}>{E(text)}</a>";

    /// <summary>A link whose text is HTML already (escaped by the caller).</summary>
    public static string LinkHtml(string from, string to, string html) => $"<a href=\"{E(LinkMap.Relative(from, to))}\">{html}</a>";

    public static string Level(Requirement requirement) => $"<span class=\"level level-{requirement.LevelName.ToLowerInvariant()}\">{E(requirement.LevelName)}</span>";

    public static string Origin(RequirementOrigin origin)
    {
        var name = origin.ToString().ToLowerInvariant();
        return $"<span class=\"origin origin-{name}\">{E(name)}</span>";
    }

    public static string Outcome(string outcome) => $"<span class=\"outcome outcome-{E(outcome)}\">{E(outcome)}</span>";

    /// <summary>A link to a requirement's page, or the ID as code when no catalog lists it.</summary>
    public static string Requirement(SiteContext site, string from, string id) =>
        site.IsKnownRequirement(id) ? Link(from, LinkMap.Requirement(id), id, "req") : $"<code>{E(id)}</code>";

    /// <summary>Tags as chips; requirement tags link to their pages, role tags to the role on the protocol's page.</summary>
    public static string Tags(SiteContext site, string from, IEnumerable<string> tags, string protocol)
    {
        var chips = tags.Select(tag =>
        {
            if (tag.StartsWith(Tag.RequirementPrefix, StringComparison.Ordinal) && site.IsKnownRequirement(tag[Tag.RequirementPrefix.Length..]))
            {
                return Link(from, LinkMap.Requirement(tag[Tag.RequirementPrefix.Length..]), tag, "tag tag-req");
            }

            if (tag.StartsWith(Tag.RolePrefix, StringComparison.Ordinal) && protocol.Length > 0 && site.RolesOf(protocol).Contains(tag[Tag.RolePrefix.Length..]))
            {
                return Link(from, $"{LinkMap.Protocol(protocol)}#{RoleAnchor(tag[Tag.RolePrefix.Length..])}", tag, "tag tag-role");
            }

            return $"<span class=\"tag\">{E(tag)}</span>";
        }).ToList();
        return chips.Count == 0 ? "" : $"<p class=\"tags\">{string.Join(" ", chips)}</p>\n";
    }

    public static string RoleAnchor(string role) => "role-" + Snapshots.Slug.Of(role);

    /// <summary>A Gherkin description or a catalog note as paragraphs: blank lines part them, line breaks inside one are spaces.</summary>
    public static string Prose(string? text, string css = "description")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var html = new StringBuilder();
        var paragraph = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Append(""))
        {
            if (line.Length > 0)
            {
                paragraph.Add(line);
            }
            else if (paragraph.Count > 0)
            {
                html.Append($"<p class=\"{css}\">{E(string.Join(' ', paragraph))}</p>\n");
                paragraph.Clear();
            }
        }

        return html.ToString();
    }

    /// <summary>A table with a header row; cells are HTML already.</summary>
    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, string? css = null)
    {
        var html = new StringBuilder($"<table{(css is null ? "" : $" class=\"{css}\"")}><thead><tr>");
        foreach (var cell in header)
        {
            html.Append($"<th>{cell}</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>").Append(string.Concat(row.Select(cell => $"<td>{cell}</td>"))).Append("</tr>\n");
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    /// <summary>A code block.</summary>
    public static string Code(string text, string? css = null) => $"<pre{(css is null ? "" : $" class=\"{css}\"")}><code>{E(text)}</code></pre>\n";

    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}

using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Documentation.Sources;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>
/// One message contract: its description and members, its valid examples, its invalid ones each with why the
/// schema rejects it (the suite's own validator, in words), its XML form where the group has one, and its source.
/// </summary>
internal static class SchemaPage
{
    public static SitePage Build(SiteContext site, SchemaDocument schema, SchemaGroup group)
    {
        var path = LinkMap.Schema(schema.Group, schema.Stem);
        var html = new StringBuilder();
        var owner = site.Protocols.Contains(schema.Group) ? Link(path, LinkMap.Protocol(schema.Group), site.Title(schema.Group)) : $"<code>schemas/{E(schema.Group)}</code>";
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › {owner} › <code>{E(schema.Path)}</code></p>\n");
        html.Append($"<h1>{E(schema.Title)}</h1>\n");
        html.Append(Prose(schema.Schema["description"]?.ToString()));

        html.Append("<h2 id=\"members\">Members</h2>\n");
        var members = SchemaMembers.Of(schema.Schema);
        if (members.Count > 0)
        {
            html.Append(Table(["Member", "Type", "Required", "Description", "Rules"], members.Select(member => (IEnumerable<string>)
            [
                $"<code>{E(member.Name)}</code>", E(member.Type), member.Required ? "required" : "optional", E(member.Description), E(member.Rules),
            ])));
        }

        if (SchemaMembers.Others(schema.Schema) is { } others)
        {
            html.Append($"<p>{E(others)}</p>\n");
        }

        if (SchemaMembers.Forms(schema.Schema) is { Count: > 0 } forms)
        {
            html.Append("<p>It takes one of these forms:</p>\n<ul>\n").Append(string.Concat(forms.Select(form => $"<li>{E(form)}</li>\n"))).Append("</ul>\n");
        }

        var validator = site.Sources.SchemaSet.Names.Contains(schema.Name) ? site.Sources.SchemaSet.Get(schema.Name) : null;
        html.Append($"<h2 id=\"valid\">Valid examples <span class=\"count\">({schema.Valid.Count})</span></h2>\n");
        html.Append(schema.Valid.Count == 0 ? "<p>None yet.</p>\n" : "<p>Messages the schema accepts.</p>\n");
        foreach (var example in schema.Valid)
        {
            Example(site, html, path, example, "valid", null);
        }

        html.Append($"<h2 id=\"invalid\">Invalid examples <span class=\"count\">({schema.Invalid.Count})</span></h2>\n");
        html.Append(schema.Invalid.Count == 0 ? "<p>None yet.</p>\n" : "<p>Messages the schema rejects, each with the reasons the suite's validator gives.</p>\n");
        foreach (var example in schema.Invalid)
        {
            Example(site, html, path, example, "invalid", validator is null ? null : validator.Validate(example.Text).Select(issue => issue.ToString()).ToList());
        }

        if (schema.XmlValid.Count + schema.XmlInvalid.Count > 0)
        {
            html.Append("<h2 id=\"xml\">XML form</h2>\n");
            html.Append($"<p>The same message as XML, as {string.Join(", ", group.Xsds.Select(xsd => Link(path, LinkMap.Xsd(group.Name, xsd.FileName), xsd.FileName)))} defines it.</p>\n");
            html.Append($"<h3>Valid XML <span class=\"count\">({schema.XmlValid.Count})</span></h3>\n");
            foreach (var example in schema.XmlValid)
            {
                Example(site, html, path, example, "xml-valid", null);
            }

            html.Append($"<h3>Invalid XML <span class=\"count\">({schema.XmlInvalid.Count})</span></h3>\n");
            foreach (var example in schema.XmlInvalid)
            {
                Example(site, html, path, example, "xml-invalid", null);
            }
        }

        html.Append($"<h2 id=\"source\">The schema</h2>\n<details><summary><code>{E(schema.Path)}</code></summary>\n{Code(schema.Text)}</details>\n");
        return new SitePage(path, schema.Title, html.ToString());
    }

    public static string ExampleAnchor(string kind, string name) => $"{kind}-{Snapshots.Slug.Of(name)}";

    private static void Example(SiteContext site, StringBuilder html, string path, ExampleFile example, string kind, IReadOnlyList<string>? issues)
    {
        html.Append($"<div class=\"example\" id=\"{E(ExampleAnchor(kind, example.Name))}\"><h3>{E(example.Name.Replace('-', ' '))} <code class=\"count\">{E(example.Path)}</code></h3>\n");
        foreach (var reading in site.Catalog.Readings.Where(reading => reading.Vectors.Contains(example.Path, StringComparer.Ordinal)))
        {
            html.Append($"<p class=\"covers\">Embodies the reading {Link(path, SiteContext.ReadingTarget(reading), reading.Name)} {Origin(reading.Origin)}</p>\n");
        }

        html.Append(Code(example.Text.TrimEnd()));
        if (issues is { Count: > 0 })
        {
            html.Append("<ul class=\"issues\">").Append(string.Concat(issues.Select(issue => $"<li>{E(issue)}</li>"))).Append("</ul>\n");
        }

        html.Append("</div>\n");
    }
}

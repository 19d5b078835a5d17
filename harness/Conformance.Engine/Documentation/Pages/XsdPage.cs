using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Documentation.Sources;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>An XML Schema: which messages it gives an XML form to (linking to their XML examples), and its text.</summary>
internal static class XsdPage
{
    public static SitePage Build(SiteContext site, XsdDocument xsd, SchemaGroup group)
    {
        var path = LinkMap.Xsd(group.Name, xsd.FileName);
        var html = new StringBuilder();
        var owner = site.Protocols.Contains(group.Name) ? Link(path, LinkMap.Protocol(group.Name), site.Title(group.Name)) : $"<code>schemas/{E(group.Name)}</code>";
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › {owner} › <code>{E(xsd.Path)}</code></p>\n");
        html.Append($"<h1>{E(xsd.FileName)}</h1>\n<p>The XML form of the messages of <code>schemas/{E(group.Name)}</code>.</p>\n");
        var withXml = group.Schemas.Where(schema => schema.XmlValid.Count + schema.XmlInvalid.Count > 0).ToList();
        if (withXml.Count > 0)
        {
            html.Append("<h2>Messages with XML examples</h2>\n<ul>\n");
            foreach (var schema in withXml)
            {
                html.Append($"<li>{Link(path, LinkMap.Schema(group.Name, schema.Stem) + "#xml", schema.Title)} <span class=\"count\">{schema.XmlValid.Count} valid, {schema.XmlInvalid.Count} invalid</span></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>The schema</h2>\n").Append(Code(xsd.Text.TrimEnd()));
        return new SitePage(path, xsd.FileName, html.ToString());
    }
}

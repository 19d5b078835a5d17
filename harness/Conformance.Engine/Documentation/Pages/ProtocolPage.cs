using System.Globalization;
using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Requirements;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>A protocol's home: its roles, what each must do, how to certify each, its features, its schemas and its readings.</summary>
internal static class ProtocolPage
{
    public static SitePage Build(SiteContext site, string protocol)
    {
        var path = LinkMap.Protocol(protocol);
        var requirements = site.RequirementsOf(protocol).ToList();
        var html = new StringBuilder();
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › protocol <code>{E(protocol)}</code></p>\n");
        html.Append($"<h1>{E(site.Title(protocol))}</h1>\n");
        html.Append($"<p class=\"sub\">{requirements.Count} requirements: {HomePage.OriginCounts(requirements)} · "
            + string.Join(", ", Enum.GetValues<RequirementLevel>().Select(level => $"{requirements.Count(requirement => requirement.Level == level)} {level.ToString().ToUpperInvariant()}")) + "</p>\n");
        html.Append("<p>Each requirement says where it comes from: the published <b>source</b>, the suite's <b>interpretation</b> of what the source leaves open, "
            + $"or the suite's <b>policy</b> beyond it — with a note saying why, gathered in {Link(path, $"{LinkMap.Register}#protocol-{protocol}", "the interpretation register")}.</p>\n");

        html.Append("<h2>Roles</h2>\n");
        foreach (var role in site.RolesOf(protocol))
        {
            Role(site, html, path, protocol, role, requirements.Where(requirement => requirement.Role == role).ToList());
        }

        html.Append("<h2>Features</h2>\n");
        html.Append(Table(["Feature", "Roles", "Scenarios", "Requirements"], site.FeaturesOf(protocol).Select(feature => (IEnumerable<string>)
        [
            Link(path, LinkMap.Feature(feature.Path), feature.Document.Feature?.Name ?? feature.Path) + $"<br><code class=\"count\">{E(feature.Path)}</code>",
            E(string.Join(", ", feature.Scenarios.SelectMany(scenario => scenario.Roles).Distinct())),
            feature.Scenarios.Count.ToString(CultureInfo.InvariantCulture),
            string.Join(" ", feature.Scenarios.SelectMany(scenario => scenario.Requirements).Distinct().Order(StringComparer.Ordinal).Select(id => Requirement(site, path, id))),
        ])));

        if (site.SchemasOf(protocol) is { } schemas)
        {
            html.Append("<h2>Message contracts</h2>\n<ul>\n");
            foreach (var schema in schemas.Schemas)
            {
                html.Append($"<li>{Link(path, LinkMap.Schema(schemas.Name, schema.Stem), schema.Title)} — {E(Shorten(schema.Schema["description"]?.ToString()))}</li>\n");
            }

            foreach (var xsd in schemas.Xsds)
            {
                html.Append($"<li>{Link(path, LinkMap.Xsd(schemas.Name, xsd.FileName), xsd.FileName)} — the XML form</li>\n");
            }

            html.Append("</ul>\n");
        }

        var readings = site.Catalog.Readings.Where(reading => reading.Protocol == protocol).ToList();
        if (readings.Count > 0)
        {
            html.Append("<h2>Readings</h2>\n<p>What the suite reads into the source beyond single requirements:</p>\n<ul>\n");
            foreach (var reading in readings)
            {
                html.Append($"<li>{Link(path, SiteContext.ReadingTarget(reading), reading.Name)} {Origin(reading.Origin)} — bears on {string.Join(", ", reading.Requirements.Select(id => Requirement(site, path, id)))}</li>\n");
            }

            html.Append("</ul>\n");
        }

        return new SitePage(path, site.Title(protocol), html.ToString());
    }

    private static void Role(SiteContext site, StringBuilder html, string path, string protocol, string role, IReadOnlyList<Requirement> requirements)
    {
        html.Append($"<section id=\"{E(RoleAnchor(role))}\">\n<h3>The {E(role)}</h3>\n");
        var certifiable = site.Module(protocol)?.Roles.FirstOrDefault(candidate => candidate.Name == role);
        if (certifiable is not null)
        {
            html.Append($"<p>{E(certifiable.Summary)}</p>\n<h4>How to certify a {E(role)}</h4>\n");
            html.Append(Code($"conformance certify {role} -- COMMAND ARGS…\nconformance certify {role} --manifest {role}.json --report out"));
            var manifest = certifiable.ManifestSchema.Split('/');
            var schemaLink = manifest.Length == 2 && site.SchemaGroups.Any(group => group.Name == manifest[0] && group.Schemas.Any(schema => schema.Stem == manifest[1]))
                ? Link(path, LinkMap.Schema(manifest[0], manifest[1]), certifiable.ManifestSchema)
                : $"<code>{E(certifiable.ManifestSchema)}</code>";
            html.Append($"<p>The harness plays every other party, runs the executable under test and judges what it does against the requirements below. "
                + $"The manifest (every member optional) follows {schemaLink}. Add <code>--tags \"@req:ID\"</code> to check one requirement while fixing it, "
                + "<code>--strict</code> to make SHOULDs fail.</p>\n");
        }
        else
        {
            html.Append($"<p>Checked on the suite's reference {E(role)}: <code>conformance run --tags \"@role:{E(role)}\"</code>. No external {E(role)} can be certified yet.</p>\n");
        }

        html.Append($"<h4>What a {E(role)} must do</h4>\n");
        var header = new List<string> { "ID", "Level", "Origin", "Requirement", "Scenarios" };
        if (site.Results is not null)
        {
            header.Add("Last run");
        }

        html.Append(Table(header, requirements.Select(requirement =>
        {
            var cells = new List<string>
            {
                Requirement(site, path, requirement.Id),
                Level(requirement),
                Origin(requirement.Origin),
                E(requirement.Summary),
                site.Covering(requirement.Id).Count().ToString(CultureInfo.InvariantCulture),
            };
            if (site.Results is { } run)
            {
                cells.Add(Outcome(run.Requirements.GetValueOrDefault(requirement.Id) ?? "not-run"));
            }

            return (IEnumerable<string>)cells;
        })));
        html.Append("</section>\n");
    }

    private static string Shorten(string? text) => text is null ? "" : Markup.Shorten(text, 160);
}

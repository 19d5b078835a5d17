using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Requirements;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>
/// The interpretation register: every place the suite reads an unclear source (interpretation) or adds a rule of
/// its own (policy) — readings and requirements — in one page, each with why and linked to what it bears on.
/// </summary>
internal static class InterpretationRegister
{
    public static SitePage Build(SiteContext site)
    {
        const string path = LinkMap.Register;
        var html = new StringBuilder();
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › interpretations and policies</p>\n");
        html.Append("<h1>Interpretations and policies</h1>\n");
        html.Append("<p>Where a source is unclear — a table that lost its cells, a default it does not give, a case it does not decide — the suite reads it, "
            + $"and says so: an {Origin(RequirementOrigin.Interpretation)}. Where the suite adds a rule the source does not make, for security or robustness, that is a "
            + $"{Origin(RequirementOrigin.Policy)}; <code>--source-only</code> counts policies as information. Each says what the source says, what the suite reads or adds, and why, "
            + "so that it can be disputed and corrected as data.</p>\n");
        foreach (var protocol in site.Protocols)
        {
            var readings = site.Catalog.Readings.Where(reading => reading.Protocol == protocol).ToList();
            var requirements = site.RequirementsOf(protocol).Where(requirement => requirement.Origin != RequirementOrigin.Source).ToList();
            html.Append($"<h2 id=\"protocol-{E(protocol)}\">{Link(path, LinkMap.Protocol(protocol), site.Title(protocol))}</h2>\n");
            if (readings.Count + requirements.Count == 0)
            {
                html.Append("<p>Every requirement is the source's own.</p>\n");
                continue;
            }

            if (readings.Count > 0)
            {
                html.Append("<h3>Readings</h3>\n<p>Readings that bear on several requirements at once.</p>\n");
                foreach (var reading in readings)
                {
                    Reading(site, html, path, reading);
                }
            }

            if (requirements.Count > 0)
            {
                html.Append("<h3>Requirements</h3>\n<table><thead><tr><th>ID</th><th>Origin</th><th>Requirement</th><th>Why</th></tr></thead><tbody>\n");
                foreach (var requirement in requirements)
                {
                    html.Append($"<tr id=\"{E(requirement.Id)}\"><td>{Requirement(site, path, requirement.Id)} {Level(requirement)}</td><td>{Origin(requirement.Origin)}</td>"
                        + $"<td>{E(requirement.Summary)}</td><td>{E(requirement.OriginNote)}</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
            }
        }

        return new SitePage(path, "Interpretations and policies", html.ToString());
    }

    private static void Reading(SiteContext site, StringBuilder html, string path, Reading reading)
    {
        html.Append($"<section class=\"note\" id=\"{E(SiteContext.ReadingAnchor(reading))}\"><h4>{E(reading.Name)} {Origin(reading.Origin)}</h4>\n<p>{E(reading.Note)}</p>\n");
        html.Append($"<p>Bears on {string.Join(", ", reading.Requirements.Select(id => Requirement(site, path, id)))}.</p>\n");
        if (reading.ExamplesName is { } examples)
        {
            var uses = site.Scenarios.Where(scenario => scenario.ExamplesName == examples).GroupBy(scenario => (scenario.FeaturePath, scenario.Line)).ToList();
            if (uses.Count > 0)
            {
                html.Append($"<p>The Examples named “{E(examples)}”: "
                    + string.Join("; ", uses.Select(use => Link(path, $"{LinkMap.Feature(use.Key.FeaturePath)}#{site.Anchors(use.Key.FeaturePath).At(use.Key.Line)}", $"{use.First().FeatureName} (line {use.Key.Line})"))) + ".</p>\n");
            }
        }

        var vectors = reading.Vectors.Select(vector => (vector, target: VectorTarget(site, vector))).ToList();
        if (vectors.Count > 0)
        {
            html.Append("<p>Schema examples that embody it: ")
                .Append(string.Join(", ", vectors.Select(pair => pair.target is null ? $"<code>{E(pair.vector)}</code>" : Link(path, pair.target, Path.GetFileNameWithoutExtension(pair.vector)))))
                .Append(".</p>\n");
        }

        html.Append("</section>\n");
    }

    // "schemas/<group>/examples/<stem>/<valid|invalid>/<name>.json" → the example on its schema's page.
    private static string? VectorTarget(SiteContext site, string vector)
    {
        foreach (var group in site.SchemaGroups)
        {
            foreach (var schema in group.Schemas)
            {
                foreach (var (examples, kind) in new[] { (schema.Valid, "valid"), (schema.Invalid, "invalid"), (schema.XmlValid, "xml-valid"), (schema.XmlInvalid, "xml-invalid") })
                {
                    if (examples.FirstOrDefault(example => example.Path == vector) is { } found)
                    {
                        return $"{LinkMap.Schema(group.Name, schema.Stem)}#{SchemaPage.ExampleAnchor(kind, found.Name)}";
                    }
                }
            }
        }

        return null;
    }
}

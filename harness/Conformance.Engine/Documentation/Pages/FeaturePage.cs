using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Gherkin;
using static Conformance.Engine.Documentation.Site.Fragments;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>
/// A feature read as a document: its description, Background, Rules, scenarios with their tags (requirement tags
/// link to the requirement), steps with their data tables and doc strings, and Examples as tables — each row
/// linking to its sequence diagram and, with results, showing its last outcome.
/// </summary>
internal static class FeaturePage
{
    public static SitePage Build(SiteContext site, LoadedFeature feature)
    {
        var path = LinkMap.Feature(feature.Path);
        var protocol = SiteContext.ProtocolOf(feature.Path);
        var context = new FeatureContext(site, feature, path, protocol);
        var html = new StringBuilder();
        var crumb = protocol.Length > 0 ? Link(path, LinkMap.Protocol(protocol), site.Title(protocol)) + " › " : "";
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › {crumb}<code>{E(feature.Path)}</code></p>\n");
        if (feature.Document.Feature is not { } written)
        {
            html.Append("<p>This file holds no feature.</p>\n");
            return new SitePage(path, feature.Path, html.ToString());
        }

        html.Append($"<h1><span class=\"kw\">{E(written.Keyword)}:</span> {E(written.Name)}</h1>\n");
        html.Append(Tags(site, path, written.Tags.Select(tag => tag.Name), protocol));
        html.Append(Prose(written.Description));
        var scenarios = feature.Scenarios.Count;
        html.Append($"<p class=\"count\">{Plural(scenarios, "scenario", "scenarios")} to run (each example row is one) · requirements: "
            + string.Join(" ", feature.Scenarios.SelectMany(scenario => scenario.Requirements).Distinct().Order(StringComparer.Ordinal).Select(id => Requirement(site, path, id))) + "</p>\n");
        foreach (var child in written.Children)
        {
            if (child.Background is { } background)
            {
                Background(context, html, background);
            }

            if (child.Scenario is { } scenario)
            {
                Scenario(context, html, scenario, "h2");
            }

            if (child.Rule is { } rule)
            {
                html.Append($"<section class=\"rule\" id=\"{E(context.Anchors.At(rule.Location.Line))}\">\n<h2><span class=\"kw\">{E(rule.Keyword)}:</span> {E(rule.Name)}</h2>\n");
                html.Append(Tags(site, path, rule.Tags.Select(tag => tag.Name), protocol));
                html.Append(Prose(rule.Description));
                foreach (var ruleChild in rule.Children)
                {
                    if (ruleChild.Background is { } ruleBackground)
                    {
                        Background(context, html, ruleBackground);
                    }

                    if (ruleChild.Scenario is { } ruleScenario)
                    {
                        Scenario(context, html, ruleScenario, "h3");
                    }
                }

                html.Append("</section>\n");
            }
        }

        return new SitePage(path, written.Name, html.ToString());
    }

    private static void Background(FeatureContext context, StringBuilder html, Messages.Background background)
    {
        html.Append($"<section class=\"background\" id=\"{E(context.Anchors.At(background.Location.Line))}\">\n<h3><span class=\"kw\">{E(background.Keyword)}:</span> {E(background.Name)}</h3>\n");
        html.Append(Prose(background.Description));
        html.Append(GherkinMarkup.Steps(background.Steps));
        html.Append("</section>\n");
    }

    private static void Scenario(FeatureContext context, StringBuilder html, Messages.Scenario scenario, string heading)
    {
        var (site, path) = (context.Site, context.Path);
        var line = (int)scenario.Location.Line;
        var runs = context.Feature.Scenarios.Where(compiled => compiled.Line == line).ToList();
        html.Append($"<section class=\"scenario\" id=\"{E(context.Anchors.At(line))}\">\n<{heading}><span class=\"kw\">{E(scenario.Keyword)}:</span> {GherkinMarkup.Text(scenario.Name)}</{heading}>\n");
        html.Append(Tags(site, path, scenario.Tags.Select(tag => tag.Name), context.Protocol));
        html.Append(Prose(scenario.Description));
        html.Append(GherkinMarkup.Steps(scenario.Steps));
        if (scenario.Examples.Count == 0 && runs.FirstOrDefault() is { } only)
        {
            var extras = new List<string>();
            if (site.DiagramOf(only) is { } diagram)
            {
                extras.Add(Link(path, diagram, "Sequence diagram of the approved transcript"));
            }

            if (site.Results?.Of(only) is { } result)
            {
                extras.Add($"last run {Outcome(result.Outcome)}");
            }

            if (extras.Count > 0)
            {
                html.Append($"<p class=\"covers\">{string.Join(" · ", extras)}</p>\n");
            }
        }

        foreach (var examples in scenario.Examples)
        {
            Examples(context, html, examples, runs);
        }

        html.Append("</section>\n");
    }

    private static void Examples(FeatureContext context, StringBuilder html, Messages.Examples examples, IReadOnlyList<CompiledScenario> runs)
    {
        var (site, path) = (context.Site, context.Path);
        html.Append($"<h4><span class=\"kw\">{E(examples.Keyword)}:</span> {E(examples.Name)}</h4>\n");
        html.Append(Tags(site, path, examples.Tags.Select(tag => tag.Name), context.Protocol));
        html.Append(Prose(examples.Description));
        if (site.Catalog.ReadingOfExamples(examples.Name) is { } reading)
        {
            html.Append($"<div class=\"note\">{Origin(reading.Origin)} This table is the suite's reading {Link(path, SiteContext.ReadingTarget(reading), reading.Name)}: {E(reading.Note)}</div>\n");
        }

        if (examples.TableHeader is not { } header)
        {
            return;
        }

        html.Append("<table class=\"examples\"><thead><tr>");
        html.Append(string.Concat(header.Cells.Select(cell => $"<th>{E(cell.Value)}</th>")));
        html.Append("<th>Diagram</th>");
        if (site.Results is not null)
        {
            html.Append("<th>Last run</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in examples.TableBody)
        {
            var run = runs.FirstOrDefault(compiled => compiled.ExampleLine == row.Location.Line);
            html.Append($"<tr id=\"{E(FeatureAnchors.RowAnchor(row.Location.Line))}\">");
            html.Append(string.Concat(row.Cells.Select(cell => $"<td>{E(cell.Value)}</td>")));
            html.Append("<td>").Append(run is not null && site.DiagramOf(run) is { } diagram ? Link(path, diagram, "diagram") : "").Append("</td>");
            if (site.Results is { } results)
            {
                html.Append("<td>").Append(run is not null && results.Of(run) is { } result ? Outcome(result.Outcome) : "").Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private sealed record FeatureContext(SiteContext Site, LoadedFeature Feature, string Path, string Protocol)
    {
        public FeatureAnchors Anchors => Site.Anchors(Feature.Path);
    }
}

using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Documentation.Sources;
using Conformance.Engine.Requirements;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>
/// One requirement: its level, role, wording and origin (with the note for an interpretation or a policy), the
/// readings that bear on it, the scenarios that cover it, its last outcome, the fixtures that break it, and how to
/// fix the mistakes implementers are known to make.
/// </summary>
internal static class RequirementPage
{
    private static readonly Dictionary<RequirementLevel, string> LevelMeaning = new()
    {
        [RequirementLevel.Must] = "a violation fails certification",
        [RequirementLevel.Should] = "a violation is flagged non-strict; --strict makes it fail",
        [RequirementLevel.May] = "a violation is reported as information, never failing",
    };

    public static SitePage Build(SiteContext site, Requirement requirement)
    {
        var path = LinkMap.Requirement(requirement.Id);
        var protocol = requirement.Protocol;
        var html = new StringBuilder();
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › {Link(path, LinkMap.Protocol(protocol), site.Title(protocol))} › "
            + $"{Link(path, $"{LinkMap.Protocol(protocol)}#{RoleAnchor(requirement.Role)}", requirement.Role)}</p>\n");
        html.Append($"<h1>{E(requirement.Id)} {Level(requirement)} {Origin(requirement.Origin)}</h1>\n");
        html.Append($"<p class=\"wording\">{E(requirement.Summary)}</p>\n");
        html.Append($"<table class=\"facts\"><tbody><tr><th>Level</th><td>{E(requirement.LevelName)}: {E(LevelMeaning[requirement.Level])}</td></tr>\n"
            + $"<tr><th>Role</th><td>{Link(path, $"{LinkMap.Protocol(protocol)}#{RoleAnchor(requirement.Role)}", requirement.Role)} (the party it binds)</td></tr>\n"
            + $"<tr><th>Origin</th><td>{OriginText(requirement)}</td></tr></tbody></table>\n");
        if (requirement.OriginNote is { } note)
        {
            html.Append($"<div class=\"note\"><strong>Why it is {(requirement.IsPolicy ? "a policy" : "an interpretation")}.</strong> {E(note)} "
                + $"<span class=\"count\">({Link(path, $"{LinkMap.Register}#{requirement.Id}", "in the register")})</span></div>\n");
        }

        Readings(site, html, path, requirement);
        if (site.Results is { } run)
        {
            LastOutcome(site, html, path, requirement, run);
        }

        Scenarios(site, html, path, requirement);
        Fixtures(site, html, requirement);
        Mistakes(html, requirement);
        return new SitePage(path, $"{requirement.Id}: {Markup.Shorten(requirement.Summary, 60)}", html.ToString());
    }

    private static string OriginText(Requirement requirement) => requirement.Origin switch
    {
        RequirementOrigin.Source => $"{Origin(requirement.Origin)} the published source says it",
        RequirementOrigin.Interpretation => $"{Origin(requirement.Origin)} the suite's reading of what the source leaves open",
        _ => $"{Origin(requirement.Origin)} a rule beyond the source; <code>--source-only</code> counts it as information",
    };

    private static void Readings(SiteContext site, StringBuilder html, string path, Requirement requirement)
    {
        var readings = site.ReadingsOn(requirement.Id).ToList();
        if (readings.Count == 0)
        {
            return;
        }

        html.Append("<h2>Readings that bear on it</h2>\n");
        foreach (var reading in readings)
        {
            html.Append($"<div class=\"note\"><strong>{Link(path, SiteContext.ReadingTarget(reading), reading.Name)}</strong> {Origin(reading.Origin)} {E(reading.Note)}</div>\n");
        }
    }

    private static void LastOutcome(SiteContext site, StringBuilder html, string path, Requirement requirement, LastRun run)
    {
        html.Append("<h2 id=\"last-run\">Last run</h2>\n");
        if (!run.Requirements.TryGetValue(requirement.Id, out var outcome))
        {
            html.Append($"<p>{Outcome("not-run")} The run in <code>{E(Path.GetFileName(run.Directory))}</code> did not select it (it certified {E(run.Role)}).</p>\n");
            return;
        }

        html.Append($"<p>{Outcome(outcome)} in the run against {E(run.Command is null ? "the reference implementations" : string.Join(' ', run.Command))}.</p>\n");
        var rows = new List<IEnumerable<string>>();
        foreach (var scenario in run.Scenarios.Where(scenario => scenario.Requirements.Contains(requirement.Id, StringComparer.Ordinal)))
        {
            var compiled = site.Scenarios.FirstOrDefault(candidate => candidate.FeaturePath == scenario.Feature && candidate.Name == scenario.Name);
            var name = compiled is null ? E(scenario.Name) : Link(path, site.ScenarioTarget(compiled), scenario.Name);
            var violations = scenario.Violations.Where(violation => violation.Requirement == requirement.Id).ToList();
            if (violations.Count == 0)
            {
                rows.Add([name, Outcome(scenario.Outcome), E(scenario.Reason ?? ""), ""]);
            }

            rows.AddRange(violations.Select(violation => (IEnumerable<string>)[name, Outcome(scenario.Outcome), E(violation.Expected), $"<pre>{E(violation.Actual)}</pre>"]));
        }

        if (rows.Count > 0)
        {
            html.Append(Table(["Scenario", "Outcome", "Expected", "Actual"], rows));
        }

        if (requirement.Mistakes.Count > 0 && outcome is "failed" or "non-strict" or "informational")
        {
            html.Append($"<p>See {Link(path, $"{path}#fix", "how to fix it")} below.</p>\n");
        }
    }

    private static void Scenarios(SiteContext site, StringBuilder html, string path, Requirement requirement)
    {
        html.Append("<h2 id=\"scenarios\">Scenarios that cover it</h2>\n");
        var covering = site.Covering(requirement.Id).ToList();
        if (covering.Count == 0)
        {
            html.Append("<p>No scenario covers it yet.</p>\n");
            return;
        }

        foreach (var feature in covering.GroupBy(scenario => scenario.FeaturePath))
        {
            html.Append($"<h3>{Link(path, LinkMap.Feature(feature.Key), feature.First().FeatureName)} <code class=\"count\">{E(feature.Key)}</code></h3>\n<ul>\n");
            foreach (var written in feature.GroupBy(scenario => scenario.Line))
            {
                var anchor = site.Anchors(feature.Key).At(written.Key);
                var document = Written(site, feature.Key, written.Key);
                html.Append($"<li>{LinkHtml(path, $"{LinkMap.Feature(feature.Key)}#{anchor}", GherkinMarkup.Text(document ?? written.First().Name))}");
                var runs = written.ToList();
                if (runs.Count == 1 && runs[0].Example is null)
                {
                    html.Append(Extras(site, path, runs[0]));
                }
                else
                {
                    html.Append($" <span class=\"count\">{Plural(runs.Count, "example", "examples")}</span><ul>\n");
                    foreach (var row in runs)
                    {
                        var values = string.Join(", ", row.Example!.Select(pair => pair.Value));
                        html.Append($"<li>{Link(path, site.ScenarioTarget(row), values)}{Extras(site, path, row)}</li>\n");
                    }

                    html.Append("</ul>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private static string Extras(SiteContext site, string path, Gherkin.CompiledScenario scenario)
    {
        var extras = new StringBuilder();
        if (site.DiagramOf(scenario) is { } diagram)
        {
            extras.Append(" · ").Append(Link(path, diagram, "sequence diagram"));
        }

        if (site.Results?.Of(scenario) is { } result)
        {
            extras.Append(' ').Append(Outcome(result.Outcome));
        }

        return extras.ToString();
    }

    // The scenario's name as written (an outline's, placeholders and all), rather than one row's.
    private static string? Written(SiteContext site, string featurePath, int line) => WrittenScenarios.At(site.Feature(featurePath), line)?.Name;

    private static void Fixtures(SiteContext site, StringBuilder html, Requirement requirement)
    {
        var fixtures = FixtureTable.Breaking(site.Sources.Fixtures, requirement.Id).ToList();
        if (fixtures.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"fixtures\">Fixtures that break it</h2>\n");
        html.Append($"<p>Small executables in <code>tests/fixtures/</code> that the suite certifies in its own tests, each wrong in one way; certification must give each the verdict shown.</p>\n");
        html.Append(Table(["Fixture", "Language", "What it does wrong", "Verdict"], fixtures.Select(fixture => (IEnumerable<string>)
        [
            $"<code>{E(fixture.Fixture)}</code>",
            E(fixture.Language),
            E(fixture.WhatItDoesWrong),
            E(fixture.Expected),
        ])));
    }

    private static void Mistakes(StringBuilder html, Requirement requirement)
    {
        if (requirement.Mistakes.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"fix\">How to fix it</h2>\n");
        foreach (var mistake in requirement.Mistakes)
        {
            html.Append(MistakeMarkup.Render(mistake));
        }
    }
}

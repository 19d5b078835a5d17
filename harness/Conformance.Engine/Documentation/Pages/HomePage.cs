using System.Text;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Requirements;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>The site's index: every protocol with its roles and counts, every schema group, the last run when given.</summary>
internal static class HomePage
{
    public static SitePage Build(SiteContext site)
    {
        const string path = LinkMap.Home;
        var html = new StringBuilder();
        html.Append("<h1>Conformance: the living documentation</h1>\n");
        html.Append("<p class=\"sub\">What each protocol asks of each party, in the suite's own words; the scenarios that check it, read as Gherkin; the message contracts with their examples; "
            + "and every place where the suite reads an unclear source or adds a rule of its own. The features are the specification: this site is generated from them.</p>\n");
        if (site.Results is { } run)
        {
            html.Append(LastRunBox(run));
        }

        html.Append("<h2>Protocols</h2>\n");
        var rows = site.Protocols.Select(protocol =>
        {
            var requirements = site.RequirementsOf(protocol).ToList();
            var features = site.FeaturesOf(protocol).ToList();
            return (IEnumerable<string>)
            [
                Link(path, LinkMap.Protocol(protocol), site.Title(protocol)) + $"<br><code>{E(protocol)}</code>",
                string.Join(", ", site.RolesOf(protocol).Select(role => Link(path, $"{LinkMap.Protocol(protocol)}#{RoleAnchor(role)}", role))),
                requirements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OriginCounts(requirements),
                $"{features.Count} features, {features.Sum(feature => feature.Scenarios.Count)} scenarios",
            ];
        });
        html.Append(Table(["Protocol", "Roles", "Requirements", "By origin", "Features"], rows));

        html.Append("<h2>Message contracts</h2>\n");
        foreach (var group in site.SchemaGroups)
        {
            var owner = site.Protocols.Contains(group.Name) ? " — " + Link(path, LinkMap.Protocol(group.Name), site.Title(group.Name)) : "";
            html.Append($"<h3><code>schemas/{E(group.Name)}</code>{owner}</h3>\n<ul>\n");
            foreach (var schema in group.Schemas)
            {
                html.Append($"<li>{Link(path, LinkMap.Schema(group.Name, schema.Stem), schema.Title)} <span class=\"count\">{E(schema.Stem)}.schema.json · {schema.Valid.Count} valid, {schema.Invalid.Count} invalid examples</span></li>\n");
            }

            foreach (var xsd in group.Xsds)
            {
                html.Append($"<li>{Link(path, LinkMap.Xsd(group.Name, xsd.FileName), xsd.FileName)} <span class=\"count\">XML Schema</span></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append(SuiteStrength(site, path));

        var interpretations = site.Catalog.Requirements.Count(requirement => requirement.Origin != RequirementOrigin.Source) + site.Catalog.Readings.Count;
        html.Append("<h2>Where the suite reads or adds</h2>\n");
        html.Append($"<p>{Link(path, LinkMap.Register, "The interpretation register")} lists in one place the {interpretations} interpretations and policies: "
            + "every requirement and every reading (a lost table, how strictly a message is read) that is not simply the source's, each with why.</p>\n");
        return new SitePage(path, "Home", html.ToString());
    }

    public static string OriginCounts(IReadOnlyCollection<Requirement> requirements) => string.Join(" · ",
        Enum.GetValues<RequirementOrigin>().Select(origin => (origin, count: requirements.Count(requirement => requirement.Origin == origin)))
            .Where(pair => pair.count > 0)
            .Select(pair => $"{Origin(pair.origin)}&nbsp;{pair.count}"));

    // What the suite is worth: the certifiable requirements a broken fixture proves it judges, and the README's mutation scores.
    private static string SuiteStrength(SiteContext site, string path)
    {
        var certifiable = site.Sources.Modules.SelectMany(module => module.Roles.Select(role => (module.Protocol, role.Name))).ToHashSet();
        var requirements = site.Catalog.Requirements
            .Where(requirement => requirement.Roles.Any(role => certifiable.Contains((requirement.Protocol, role))))
            .ToList();
        var unbroken = requirements.Where(requirement => !Sources.FixtureTable.Breaking(site.Sources.Fixtures, requirement.Id).Any()).ToList();
        var html = new StringBuilder("<h2 id=\"suite-strength\">How strong the suite is</h2>\n");
        html.Append($"<p>Of the {requirements.Count} requirements of the roles a vendor can certify, {requirements.Count - unbroken.Count} are broken on purpose by at least one fixture "
            + "that the suite must judge failed (non-strict for a SHOULD, informational for a MAY); each requirement's page lists them.");
        if (unbroken.Count > 0)
        {
            html.Append(" None breaks " + string.Join(", ", unbroken.Select(requirement => Link(path, LinkMap.Requirement(requirement.Id), requirement.Id))) + ".");
        }

        html.Append("</p>\n");
        if (site.Sources.MutationScores is { } scores)
        {
            html.Append("<p>Mutation scores: the share of faults injected one at a time into the code (by Stryker.NET) that the tests catch, as the README records them with their date and command.</p>\n");
            html.Append(Table(scores.Header.Select(E), scores.Rows.Select(row => row.Select(Cell))));
        }

        return html.ToString();
    }

    // A README cell: emphasis markers dropped, `code` spans kept as code.
    private static string Cell(string markdown) => string.Join("", markdown.Replace("**", "", StringComparison.Ordinal).Split('`')
        .Select((part, index) => index % 2 == 1 ? $"<code>{E(part)}</code>" : E(part)));

    private static string LastRunBox(Sources.LastRun run)
    {
        var target = run.Command is null ? "the reference implementations" : $"{run.Role}: {string.Join(' ', run.Command)}";
        // results.json spells the outcome nonStrict as a member name; reports write non-strict.
        var counts = string.Join(", ", run.Summary.Where(pair => pair.Value > 0).Select(pair => $"{pair.Value} {(pair.Key == "nonStrict" ? "non-strict" : pair.Key)}"));
        return $"<div class=\"note\"><strong>Last run</strong> {Outcome(run.Outcome)} against {E(target)}<br>{E(run.Verdict)}<br><span class=\"count\">Scenarios: {E(counts)}</span></div>\n";
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Conformance.Engine.Documentation.Diagrams;
using Conformance.Engine.Documentation.Site;
using Conformance.Engine.Gherkin;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>
/// One scenario's approved transcript drawn as a sequence diagram — who sent what, in which order, at which time —
/// with the scenario it belongs to, the requirements it checks, and every entry listed below for the details.
/// </summary>
internal static class DiagramPage
{
    public static SitePage? Build(SiteContext site, CompiledScenario scenario)
    {
        if (site.Sources.Transcripts.Of(scenario) is not var (transcript, file))
        {
            return null;
        }

        var path = LinkMap.Diagram(scenario);
        var protocol = SiteContext.ProtocolOf(scenario.FeaturePath);
        var html = new StringBuilder();
        var crumb = protocol.Length > 0 ? Link(path, LinkMap.Protocol(protocol), site.Title(protocol)) + " › " : "";
        html.Append($"<p class=\"crumbs\">{Link(path, LinkMap.Home, "Home")} › {crumb}{Link(path, LinkMap.Feature(scenario.FeaturePath), scenario.FeatureName)}</p>\n");
        html.Append($"<h1>{E(scenario.Name)}</h1>\n");
        var clock = EntryText.Field(transcript, "clock") == "manual"
            ? "the manual clock: timings are exact and repeatable"
            : "the real clock: timings vary from run to run, so the approved copy numbers them (Time_1, Time_2, …) in order";
        html.Append($"<p>{Link(path, site.ScenarioTarget(scenario), "The scenario")} in <code>{E(scenario.FeaturePath)}</code> · checks "
            + string.Join(" ", scenario.Requirements.Select(id => Requirement(site, path, id))) + $" · timed by {E(clock)}.</p>\n");
        if (scenario.Example is { } example)
        {
            html.Append(Table(example.Select(pair => E(pair.Key)), [example.Select(pair => E(pair.Value))], "examples"));
        }

        if (site.Results?.Of(scenario) is { } result)
        {
            html.Append($"<p>Last run: {Outcome(result.Outcome)}</p>\n");
        }

        html.Append($"<div class=\"diagram\">{SequenceDiagram.Draw(transcript, site.Parties(protocol), $"Sequence diagram: {scenario.Name}")}</div>\n");
        html.Append("<p class=\"legend\">Solid arrows are messages on the wire, dashed ones are what one party does to another (starts it, ends it, hangs up), "
            + "boxes are what a party did or saw on its own. Hover over a row for the whole entry. Secrets are masked (***) as in the approved transcript.</p>\n");
        var entries = transcript["entries"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];
        html.Append($"<details><summary>The {Plural(entries.Count, "entry", "entries")} of the approved transcript</summary>\n");
        html.Append(Table(["At", "Kind", "Entry"], entries.Select(entry => (IEnumerable<string>)
        [
            $"<code>{E(EntryText.Field(entry, "at"))}</code>", E(EntryText.Field(entry, "kind")), $"<code>{E(EntryText.Members(entry))}</code>",
        ])));
        html.Append($"<p class=\"count\">Approved in <code>{E(file)}</code>.</p></details>\n");
        return new SitePage(path, $"Sequence diagram: {Markup.Shorten(scenario.Name, 60)}", html.ToString());
    }
}

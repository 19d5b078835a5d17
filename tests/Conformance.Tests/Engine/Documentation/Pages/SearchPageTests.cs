using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 10: a search box over IDs, scenario names and step text, from an inline index.</summary>
public class SearchPageTests
{
    private static async Task<JsonArray> Index() =>
        JsonNode.Parse(Regex.Match((await GeneratedSites.Suite())["search.html"], "id=\"search-index\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!.AsArray();

    [Test]
    public async Task Indexes_every_requirement_id_and_every_written_scenario_with_its_steps()
    {
        var index = await Index();

        var catalog = Conformance.Engine.Requirements.RequirementCatalog.Load(Conformance.Tests.Support.Project.Layout.Features);
        Assert.That(index.Count(entry => (string?)entry!["k"] == "requirement"), Is.EqualTo(catalog.Requirements.Count));
        var outline = index.Single(entry => (string?)entry!["t"] == "the connector reports the window closed while nothing is tracked (table T1: <login before>, <session before>)");
        Assert.That((string?)outline!["x"], Does.Contain("When the connector reports RemoteConnectionWindowClosed").And.Contain("succeeded | abortRequested | succeeded | aborted"));
        Assert.That((string?)outline["u"], Does.StartWith("features/launcher-connector/launcher-window-events.html#"));
    }

    [Test]
    public async Task Keeps_the_index_from_ending_its_script_element()
    {
        var page = (await GeneratedSites.Demo())["search.html"];

        var index = Regex.Match(page, "id=\"search-index\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(index, Does.Not.Contain("<"), "the feature's <script> text is escaped as \\u003C");
        Assert.That(JsonNode.Parse(index)!.AsArray().Select(entry => (string?)entry!["x"]), Has.Some.Contains("<script>alert(1)</script>"));
    }
}

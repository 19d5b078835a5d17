using System.Text.RegularExpressions;

namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 10: each feature rendered readably — description, Background, Rules, tags, steps, Examples as tables, data tables, doc strings.</summary>
public class FeaturePageTests
{
    [Test]
    public async Task Table_t1_reads_as_a_table_with_a_diagram_per_row()
    {
        var page = (await GeneratedSites.Suite())["features/launcher-connector/launcher-window-events.html"];

        Assert.That(page, Does.Contain("<table class=\"examples\"><thead><tr><th>login before</th><th>session before</th><th>login after</th><th>session after</th><th>Diagram</th></tr></thead>"));
        Assert.That(page, Does.Contain("<td>succeeded</td><td>abortRequested</td><td>succeeded</td><td>aborted</td>"));
        Assert.That(Regex.Count(page, "<tr id=\"L\\d+\">"), Is.EqualTo(12), "two outlines of six rows");
        Assert.That(page, Does.Contain("href=\"../../interpretations.html#reading-launcher-connector-table-t1\">table T1</a>"));
        Assert.That(page, Does.Contain("href=\"../../diagrams/launcher-window-events/the-connector-reports-the-window-closed-while-nothing-is-tracked-table-t1-inprogress-undefined.html\">diagram</a>"));
    }

    [Test]
    public async Task Shows_the_description_the_background_and_tags_that_link_to_requirements()
    {
        var page = (await GeneratedSites.Suite())["features/launcher-connector/launcher-window-events.html"];

        Assert.That(page, Does.Contain("<h1><span class=\"kw\">Feature:</span> Window events move the session only when the connection is over</h1>"));
        Assert.That(page, Does.Contain("RemoteConnectionWindowCreated tells the Launcher which process to track"));
        Assert.That(page, Does.Contain("<span class=\"kw\">Background:</span>").And.Contain("a Launcher session whose connector uses the pipe"));
        Assert.That(page, Does.Contain("href=\"../../requirements/LC-L07.html\" class=\"tag tag-req\">@req:LC-L07</a>"));
        Assert.That(page, Does.Contain("<span class=\"param\">&lt;login before&gt;</span>"));
    }

    [Test]
    public async Task Renders_rules_data_tables_and_doc_strings_of_any_protocol_escaped()
    {
        var page = (await GeneratedSites.Demo())["features/demo/demo.html"];

        Assert.That(page, Does.Contain("<section class=\"rule\" id=\"rule-the-rule-groups-scenarios\">"));
        Assert.That(page, Does.Contain("The rule&#39;s own description."));
        Assert.That(page, Does.Contain("<table class=\"data\"><thead><tr><th>name</th><th>value</th></tr></thead>"));
        Assert.That(page, Does.Contain("<pre class=\"docstring\" data-media-type=\"json\"><code>{&quot;hello&quot;: &quot;<span class=\"param\">&lt;world&gt;</span>&quot;}</code></pre>"));
        Assert.That(page, Does.Contain("A demo &lt;b&gt;feature&lt;/b&gt;").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Not.Contain("<script>alert"));
        Assert.That(page, Does.Contain("<span class=\"tag\">@req:NO-SUCH</span>"), "an ID no catalog lists is shown, not linked");
    }

    [Test]
    public async Task With_results_shows_each_scenarios_last_outcome()
    {
        var page = (await GeneratedSites.WithResults())["features/launcher-connector/connector-lines.html"];

        Assert.That(page, Does.Contain("<th>Last run</th>"));
        Assert.That(page, Does.Contain("<td>launchable</td><td><a href=\"../../diagrams/connector-lines/no-byte-order-mark-and-no-cr-launchable-configuration.html\">diagram</a></td><td><span class=\"outcome outcome-non-strict\">non-strict</span></td>"));
    }
}

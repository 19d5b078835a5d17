using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 10: a page per approved transcript, its sequence diagram drawn inline.</summary>
public class DiagramPageTests
{
    [Test]
    public async Task Draws_the_approved_transcript_inline_as_well_formed_svg()
    {
        var page = (await GeneratedSites.Suite())["diagrams/launcher-closing-out/after-a-failure-the-legacy-delayed-connectionended-comes-once-and-moves-nothing.html"];

        var svg = Regex.Match(page, "<svg .*?</svg>", RegexOptions.Singleline).Value;
        Assert.DoesNotThrow(() => XDocument.Parse(svg));
        Assert.That(svg, Does.Contain("+00:00:30.000"));
        Assert.That(page, Does.Contain("timed by the manual clock"));
        Assert.That(page, Does.Contain("href=\"../../requirements/LC-L14.html\" class=\"req\">LC-L14</a>"));
    }

    [Test]
    public async Task Draws_a_protocol_without_a_table_of_its_own_with_the_generic_parties()
    {
        var site = await GeneratedSites.Demo();

        var page = site["diagrams/demo/a-doc-string-and-a-data-table.html"];
        Assert.That(page, Does.Contain(">harness</text>").And.Contain(">party under test</text>").And.Contain(">notes</text>"));
        Assert.That(page, Does.Contain("server-thought: detail: hmm"));
        Assert.That(site.Keys.Count(path => path.StartsWith("diagrams/", StringComparison.Ordinal)), Is.EqualTo(1), "only scenarios with an approved transcript get one");
    }
}

namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 10: a home page per protocol — its roles, what each must do, how to certify it.</summary>
public class ProtocolPageTests
{
    [Test]
    public async Task Shows_each_role_with_its_requirements_and_how_to_certify_it()
    {
        var page = (await GeneratedSites.Suite())["protocols/launcher-connector.html"];

        Assert.That(page, Does.Contain("<section id=\"role-connector\">").And.Contain("<section id=\"role-launcher\">"));
        Assert.That(page, Does.Contain("conformance certify connector --manifest connector.json"));
        Assert.That(page, Does.Contain("href=\"../schemas/conformance/connector-manifest.html\">conformance/connector-manifest</a>"));
        Assert.That(page, Does.Contain("<code>conformance run --tags \"@role:launcher\"</code>"), "the Launcher cannot be certified yet; the page says how it is checked");
        Assert.That(page, Does.Contain("href=\"../requirements/LC-C14.html\" class=\"req\">LC-C14</a>"));
        Assert.That(page, Does.Contain("<span class=\"origin origin-source\">source</span>&nbsp;18"));
    }

    [Test]
    public async Task Renders_a_protocol_no_module_registers_from_its_features_and_catalog()
    {
        var site = await GeneratedSites.Demo();

        Assert.That(site["protocols/demo.html"], Does.Contain("<h1>A &lt;demo&gt; protocol</h1>").And.Contain("<section id=\"role-server\">"));
        Assert.That(site["index.html"], Does.Contain("href=\"protocols/demo.html\">A &lt;demo&gt; protocol</a>"));
        Assert.That(site["interpretations.html"], Does.Contain("<tr id=\"DM-01\">").And.Contain("we read &lt;all&gt;."));
    }
}

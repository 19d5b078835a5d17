namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 10: each message schema with its members and its valid and invalid examples (and the XML form where there is one).</summary>
public class SchemaPageTests
{
    [Test]
    public async Task Shows_the_members_and_the_valid_and_invalid_examples_with_why_each_is_rejected()
    {
        var page = (await GeneratedSites.Suite())["schemas/launcher-connector/custom-connector-event.html"];

        Assert.That(page, Does.Contain("<h1>CustomConnectorEvent</h1>"));
        Assert.That(page, Does.Contain("<td><code>eventType</code></td><td>string</td><td>required</td>"));
        Assert.That(page, Does.Contain("<h2 id=\"valid\">Valid examples").And.Contain("<h2 id=\"invalid\">Invalid examples"));
        Assert.That(page, Does.Contain("id=\"valid-window-created-with-process-id\""));
        Assert.That(page, Does.Contain("id=\"invalid-event-type-in-wrong-case\""));
        Assert.That(page, Does.Contain("$.eventType: &quot;eventType&quot; is not one of the allowed values"));
        Assert.That(page, Does.Contain("Embodies the reading <a href=\"../../interpretations.html#reading-launcher-connector-message-strictness\">message strictness</a>"));
    }

    [Test]
    public async Task Shows_the_xml_form_beside_the_json_where_the_group_has_an_xsd()
    {
        var site = await GeneratedSites.Suite();

        var page = site["schemas/pipe-messaging/handshake.html"];
        Assert.That(page, Does.Contain("<h2 id=\"xml\">XML form</h2>").And.Contain("id=\"xml-valid-client\"").And.Contain("id=\"xml-invalid-doctype\""));
        Assert.That(page, Does.Contain("href=\"pipe-messaging.xsd.html\">pipe-messaging.xsd</a>"));
        Assert.That(site["schemas/pipe-messaging/pipe-messaging.xsd.html"], Does.Contain("&lt;xs:schema").Or.Contain("&lt;xsd:schema"));
    }

    [Test]
    public async Task Follows_nested_objects_and_maps_in_any_schema()
    {
        var page = (await GeneratedSites.Demo())["schemas/demo/thing.html"];

        Assert.That(page, Does.Contain("<td><code>tags.*</code></td><td>string</td>"));
        Assert.That(page, Does.Contain("No other member is allowed."));
        Assert.That(page, Does.Contain("Its &lt;name&gt;."));
        Assert.That(page, Does.Contain("the member &quot;name&quot; is required"));
    }
}

using Conformance.Protocols.LauncherConnector;

namespace Conformance.Tests.Protocols.LauncherConnector;

public class CustomConnectorEventParserTests
{
    [Test]
    public void Reads_a_window_created_event_with_its_process()
    {
        var result = CustomConnectorEventParser.Parse("""{"eventType":"RemoteConnectionWindowCreated","message":"open","processId":4242}""");

        Assert.That(result.Event, Is.EqualTo(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowCreated, "open", 4242)));
    }

    [Test]
    public void Treats_an_absent_and_a_null_process_id_alike()
    {
        var absent = CustomConnectorEventParser.Parse("""{"eventType":"Custom","message":""}""");
        var none = CustomConnectorEventParser.Parse("""{"eventType":"Custom","message":"","processId":null}""");

        Assert.That(absent.Event, Is.EqualTo(none.Event));
        Assert.That(absent.Event!.ProcessId, Is.Null);
    }

    [TestCase("""{"eventType":"custom","message":"x"}""", EventParseError.UnknownEventType)]
    [TestCase("""{"eventType":"1","message":"x"}""", EventParseError.UnknownEventType)]
    [TestCase("""{"eventType":"Custom, RemoteConnectionFailure","message":"x"}""", EventParseError.UnknownEventType)]
    [TestCase("""{"eventType":" Custom","message":"x"}""", EventParseError.UnknownEventType)]
    [TestCase("""{"eventType":0,"message":"x"}""", EventParseError.BadEventType)]
    [TestCase("""{"EventType":"Custom","message":"x"}""", EventParseError.BadEventType)]
    [TestCase("""{"eventType":"Custom","message":null}""", EventParseError.BadMessage)]
    [TestCase("""{"eventType":"Custom"}""", EventParseError.BadMessage)]
    [TestCase("""{"eventType":"Custom","message":"x","processId":"7"}""", EventParseError.BadProcessId)]
    [TestCase("""{"eventType":"Custom","message":"x","processId":7.5}""", EventParseError.BadProcessId)]
    [TestCase("""{"eventType":"Custom","message":"x","processId":-3}""", EventParseError.BadProcessId)]
    [TestCase("""{"eventType":"Custom","message":"x","processId":99999999999}""", EventParseError.BadProcessId)]
    [TestCase("""["Custom"]""", EventParseError.NotAnObject)]
    [TestCase("""{"eventType":""", EventParseError.InvalidJson)]
    [TestCase("""{"eventType":"Custom","message":"x"} trailing""", EventParseError.InvalidJson)]
    public void Rejects_what_the_catalog_forbids_with_the_reason(string line, EventParseError error)
    {
        var result = CustomConnectorEventParser.Parse(line);

        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void Lists_members_the_protocol_does_not_define()
    {
        var result = CustomConnectorEventParser.Parse("""{"eventType":"Custom","message":"x","trace":1,"level":"debug"}""");

        Assert.That(result.IsEvent);
        Assert.That(result.UnknownMembers, Is.EqualTo(new[] { "trace", "level" }));
    }

    [Test]
    public void Writes_events_in_camelCase_with_the_type_as_a_string_and_no_extra_members()
    {
        var line = new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowCreated, "ü", 12).ToJsonLine();

        Assert.That(line, Is.EqualTo("""{"eventType":"RemoteConnectionWindowCreated","message":"ü","processId":12}"""));
        Assert.That(new CustomConnectorEvent(CustomConnectorEventType.Custom, "x").ToJsonLine(), Is.EqualTo("""{"eventType":"Custom","message":"x"}"""));
    }

    [Test]
    public void Reads_a_configuration_ignoring_members_it_does_not_know()
    {
        var configuration = ConnectionConfiguration.Parse("""{"sessionId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","host":"h","password":"p","accountSecureFields":{"pin":"1"},"future":{"x":1}}""");

        Assert.That(configuration.Host, Is.EqualTo("h"));
        Assert.That(configuration.Secrets, Is.EquivalentTo(new[] { "p", "1" }));
    }
}

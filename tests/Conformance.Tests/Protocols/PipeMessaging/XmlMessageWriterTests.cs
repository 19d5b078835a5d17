using Conformance.Protocols.PipeMessaging;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class XmlMessageWriterTests
{
    public static IEnumerable<TestCaseData> Exact()
    {
        yield return new TestCaseData(new Handshake(HandshakeSender.Client), "<Handshake><sender>Client</sender></Handshake>");
        yield return new TestCaseData(new Event(First, "TrafficChanged", Json("""{"bytesIn":"1","server":{"host":"h"}}""")),
            "<Event><eventId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</eventId><eventType>TrafficChanged</eventType><payload><bytesIn>1</bytesIn><server><host>h</host></server></payload></Event>");
        yield return new TestCaseData(new Confirmation(First), "<Confirmation><eventId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</eventId></Confirmation>");
        yield return new TestCaseData(new Request(First, "Disconnect", Json("{}")),
            "<Request><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><command>Disconnect</command><parameters /></Request>");
        yield return new TestCaseData(Response.Success(First, Json("\"Connected\"")),
            "<Response><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><status>Success</status><result>Connected</result></Response>");
        yield return new TestCaseData(Response.Failure(First, "not connected"),
            "<Response><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><status>Error</status><error>not connected</error></Response>");
    }

    [TestCaseSource(nameof(Exact))]
    public void Writes_a_root_element_named_after_the_message_with_one_child_per_member(PipeMessage message, string xml)
    {
        Assert.That(PipeMessageCodec.ToXml(message), Is.EqualTo(xml));
    }

    [Test]
    public void Writes_null_as_xsi_nil_declaring_the_namespace_once_on_the_root()
    {
        var xml = PipeMessageCodec.ToXml(Response.Success(First));

        Assert.That(xml, Is.EqualTo("<Response xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><status>Success</status><result xsi:nil=\"true\" /></Response>"));
    }

    [Test]
    public void Writes_numbers_and_booleans_as_their_JSON_text()
    {
        var xml = PipeMessageCodec.ToXml(new Event(First, "T", Json("""{"n":1.5e3,"yes":true,"no":false}""")));

        Assert.That(xml, Does.Contain("<payload><n>1.5e3</n><yes>true</yes><no>false</no></payload>"));
    }

    [Test]
    public void Escapes_markup_and_keeps_a_carriage_return()
    {
        var xml = PipeMessageCodec.ToXml(new Event(First, "a<b>&c\r\nd", Json("{}")));

        Assert.That(xml, Does.Contain("<eventType>a&lt;b&gt;&amp;c&#xD;\nd</eventType>"));
    }

    [TestCase("""{"list":[1,2]}""", "payload.list")]
    [TestCase("""{"bytes in":1}""", "payload.bytes in")]
    [TestCase("""{"1st":1}""", "payload.1st")]
    [TestCase("""{"bell":"\u0007"}""", "payload.bell")]
    public void Refuses_what_the_XML_form_cannot_carry_naming_where(string payload, string path)
    {
        Assert.That(() => PipeMessageCodec.ToXml(new Event(First, "T", Json(payload))), Throws.ArgumentException.With.Message.Contains(path));
    }

    [Test]
    public void Refuses_the_same_broken_messages_as_the_JSON_form()
    {
        Assert.That(() => PipeMessageCodec.ToXml(new Request(First, "C", Json("\"x\""))), Throws.ArgumentException);
        Assert.That(() => PipeMessageCodec.ToXml(new Response(First, ResponseStatus.Success, Json("1"), "oops")), Throws.ArgumentException);
        Assert.That(() => PipeMessageCodec.ToXml(Response.Failure(First, "")), Throws.ArgumentException);
    }
}

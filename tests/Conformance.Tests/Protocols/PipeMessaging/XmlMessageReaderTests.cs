using Conformance.Protocols.PipeMessaging;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class XmlMessageReaderTests
{
    private const string Id = "<eventId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</eventId>";
    private const string RequestId = "<requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId>";

    [TestCaseSource(typeof(SampleMessages), nameof(SampleMessages.InBothForms))]
    public void Reads_back_what_it_writes(PipeMessage message)
    {
        var result = PipeMessageCodec.DecodeXml(PipeMessageCodec.ToXml(message));

        Assert.That(result.Message, Is.EqualTo(message));
        Assert.That(result.UnknownMembers, Is.Empty);
    }

    [Test]
    public void Reads_numbers_and_booleans_back_as_strings_since_XML_holds_only_text()
    {
        var xml = PipeMessageCodec.ToXml(new Event(First, "T", Json("""{"bytesIn":1024,"active":true}""")));

        var result = PipeMessageCodec.DecodeXml(xml);

        Assert.That(result.Message, Is.EqualTo(new Event(First, "T", Json("""{"bytesIn":"1024","active":"true"}"""))));
    }

    [Test]
    public void Reads_an_empty_payload_as_an_empty_object_and_an_empty_result_as_an_empty_string()
    {
        var @event = PipeMessageCodec.DecodeXml($"<Event>{Id}<eventType>T</eventType><payload/></Event>");
        var response = PipeMessageCodec.DecodeXml($"<Response>{RequestId}<status>Success</status><result/></Response>");

        Assert.That(@event.Message, Is.EqualTo(new Event(First, "T", Json("{}"))));
        Assert.That(response.Message, Is.EqualTo(Response.Success(First, Json("\"\""))));
    }

    [Test]
    public void Reads_text_exactly_joining_CDATA_and_skipping_comments()
    {
        var result = PipeMessageCodec.DecodeXml($"<Event>{Id}<eventType> Traffic<!-- x --><![CDATA[<Changed>]]> </eventType><payload/></Event>");

        Assert.That(((Event)result.Message!).EventType, Is.EqualTo(" Traffic<Changed> "));
    }

    [Test]
    public void Lists_extensions_and_attributes_as_members_the_protocol_does_not_define()
    {
        var xml = $"""<Event id="7" xmlns:x="urn:example:vpn">{Id}<eventType>T</eventType><payload><a unit="kB">1</a><x:trace>1</x:trace></payload><x:sentAt>now</x:sentAt></Event>""";

        var result = PipeMessageCodec.DecodeXml(xml);

        Assert.That(result.Message, Is.EqualTo(new Event(First, "T", Json("""{"a":"1"}"""))));
        Assert.That(result.UnknownMembers, Is.EquivalentTo(new[] { "@id", "payload.a.@unit", "payload.{urn:example:vpn}trace", "{urn:example:vpn}sentAt" }));
    }

    [TestCase("<Handshake><sender>Client</sender>", PipeMessageError.InvalidXml, null)]
    [TestCase("<Handshake><sender>Client</sender></Handshake><Handshake/>", PipeMessageError.InvalidXml, null)]
    [TestCase("<!DOCTYPE Handshake [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Handshake><sender>&b;</sender></Handshake>", PipeMessageError.InvalidXml, null)]
    [TestCase("<x:Handshake xmlns:x=\"urn:x\"><sender>Client</sender></x:Handshake>", PipeMessageError.BadMessageType, null)]
    [TestCase("<Hello><sender>Client</sender></Hello>", PipeMessageError.UnknownMessageType, null)]
    [TestCase("<Handshake>Client</Handshake>", PipeMessageError.WrongType, null)]
    [TestCase("<Handshake/>", PipeMessageError.MissingMember, "sender")]
    [TestCase("<Handshake><sender>Server</sender></Handshake>", PipeMessageError.BadValue, "sender")]
    [TestCase("<Handshake><sender xmlns:y=\"urn:y\" y:kind=\"k\">Client</sender></Handshake>", PipeMessageError.WrongType, "sender")]
    [TestCase("<Handshake><sender><name>Client</name></sender></Handshake>", PipeMessageError.WrongType, "sender")]
    [TestCase("<Handshake><sender>Client</sender><sender>Client</sender></Handshake>", PipeMessageError.DuplicateMember, "sender")]
    [TestCase("<Handshake><messageType>Handshake</messageType><sender>Client</sender></Handshake>", PipeMessageError.MemberNotAllowed, "messageType")]
    [TestCase("<Confirmation><eventId>{3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93}</eventId></Confirmation>", PipeMessageError.BadValue, "eventId")]
    [TestCase("<Event><eventType>T</eventType>" + Id + "<payload/></Event>", PipeMessageError.MemberNotAllowed, "eventId")]
    [TestCase("<Event xmlns:x=\"urn:x\">" + Id + "<x:e/><eventType>T</eventType><payload/></Event>", PipeMessageError.MemberNotAllowed, "eventType")]
    [TestCase("<Event>" + Id + "<eventType>T</eventType><payload>text</payload></Event>", PipeMessageError.WrongType, "payload")]
    [TestCase("<Event>" + Id + "<eventType>T</eventType><payload><a>1</a>text</payload></Event>", PipeMessageError.WrongType, "payload")]
    [TestCase("<Event>" + Id + "<eventType>T</eventType><payload><a><b>1</b>text</a></payload></Event>", PipeMessageError.WrongType, "payload.a")]
    [TestCase("<Event>" + Id + "<eventType>T</eventType><payload><a><b/><b/></a></payload></Event>", PipeMessageError.DuplicateMember, "payload.a.b")]
    [TestCase("<Event xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + Id + "<eventType>T</eventType><payload><a xsi:nil=\"maybe\"/></payload></Event>", PipeMessageError.BadValue, "payload.a")]
    [TestCase("<Request>" + RequestId + "<command>C</command></Request>", PipeMessageError.MissingMember, "parameters")]
    [TestCase("<Response>" + RequestId + "<status>Success</status></Response>", PipeMessageError.MissingMember, "result")]
    [TestCase("<Response>" + RequestId + "<status>Error</status></Response>", PipeMessageError.MissingMember, "error")]
    [TestCase("<Response>" + RequestId + "<status>Error</status><error></error></Response>", PipeMessageError.BadValue, "error")]
    [TestCase("<Response>" + RequestId + "<status>Success</status><error>x</error></Response>", PipeMessageError.MemberNotAllowed, "error")]
    [TestCase("<Response>" + RequestId + "<status>Error</status><result/></Response>", PipeMessageError.MemberNotAllowed, "result")]
    [TestCase("<Response>" + RequestId + "<status>Error</status><result/><error>x</error></Response>", PipeMessageError.MemberNotAllowed, "error")]
    [TestCase("<Response>" + RequestId + "<status>Success</status><result unit=\"ms\">1</result></Response>", PipeMessageError.WrongType, "result")]
    public void Rejects_a_malformed_message_naming_the_member_and_why(string xml, PipeMessageError error, string? member)
    {
        var result = PipeMessageCodec.DecodeXml(xml);

        Assert.That(result.IsMessage, Is.False);
        Assert.That((result.Error, result.Member), Is.EqualTo((error, member)), result.Reason);
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void Reads_elements_nested_to_its_limit_and_refuses_deeper_ones_without_failing()
    {
        static string Nested(int levels) => string.Concat(Enumerable.Repeat("<a>", levels)) + "x" + string.Concat(Enumerable.Repeat("</a>", levels));

        // The root and payload are two levels; the payload's content adds the rest.
        var deepest = PipeMessageCodec.DecodeXml($"<Event>{Id}<eventType>T</eventType><payload>{Nested(62)}</payload></Event>");
        var tooDeep = PipeMessageCodec.DecodeXml($"<Event>{Id}<eventType>T</eventType><payload>{Nested(63)}</payload></Event>");
        var hostile = PipeMessageCodec.DecodeXml($"<Event>{Id}<eventType>T</eventType><payload>{Nested(100_000)}</payload></Event>");

        Assert.That(deepest.IsMessage, deepest.Reason);
        Assert.That((tooDeep.Error, hostile.Error), Is.EqualTo((PipeMessageError.InvalidXml, PipeMessageError.InvalidXml)));
        Assert.That(tooDeep.Reason, Does.Contain("deeper than 64 levels"));
    }

    [Test]
    public void Says_which_order_the_members_come_in()
    {
        var result = PipeMessageCodec.DecodeXml($"<Request><command>C</command>{RequestId}<parameters/></Request>");

        Assert.That(result.Reason, Is.EqualTo("<requestId> follows <command>; the members of Request come in the order requestId, command, parameters"));
    }
}

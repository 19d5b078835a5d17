using System.Text;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using FsCheck;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class PipeMessageCodecTests
{
    [TestCase(PayloadKind.Json)]
    [TestCase(PayloadKind.Xml)]
    public void Decodes_a_payload_in_the_form_its_first_byte_announces(PayloadKind kind)
    {
        var message = new Event(First, EventTypes.TrafficChanged, Json("""{"bytesIn":"1"}"""));

        var result = PipeMessageCodec.Decode(PipeMessageCodec.Encode(message, kind));

        Assert.That(result.Kind, Is.EqualTo(kind));
        Assert.That(result.Message, Is.EqualTo(message));
    }

    [Test]
    public void Encodes_UTF8_without_a_byte_order_mark()
    {
        var bytes = PipeMessageCodec.Encode(new Event(First, "ü", Json("{}")), PayloadKind.Json);

        Assert.That(bytes[0], Is.EqualTo((byte)'{'));
        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("\"ü\""));
    }

    [Test]
    public void Skips_leading_whitespace_before_the_form_is_told()
    {
        var result = PipeMessageCodec.Decode("\r\n\t <Handshake><sender>Client</sender></Handshake>"u8);

        Assert.That(result.Message, Is.EqualTo(new Handshake(HandshakeSender.Client)));
    }

    [TestCase(new byte[] { (byte)'x' }, PipeMessageError.NotJsonOrXml)]
    [TestCase(new byte[] { (byte)' ' }, PipeMessageError.NotJsonOrXml)]
    [TestCase(new byte[] { (byte)'[', (byte)']' }, PipeMessageError.NotJsonOrXml)]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }, PipeMessageError.NotJsonOrXml)]
    [TestCase(new byte[] { (byte)'{', 0xC3 }, PipeMessageError.InvalidUtf8)]
    public void Rejects_a_payload_that_is_neither_JSON_nor_XML_in_UTF8(byte[] payload, PipeMessageError error)
    {
        var result = PipeMessageCodec.Decode(payload);

        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.Kind, Is.Null);
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void Refuses_an_unknown_payload_kind()
    {
        Assert.That(() => PipeMessageCodec.Encode(new Confirmation(First), (PayloadKind)9), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [FsCheck.NUnit.Property]
    public bool Any_text_XML_can_carry_survives_both_forms(NonNull<string> text)
    {
        if (!IsXmlText(text.Get))
        {
            return true;
        }

        var message = new Request(First, text.Get, Json("{}"));
        return PipeMessageCodec.Decode(PipeMessageCodec.Encode(message, PayloadKind.Json)).Message == message
            && PipeMessageCodec.Decode(PipeMessageCodec.Encode(message, PayloadKind.Xml)).Message == message;
    }

    [Test]
    public void Uses_the_protocols_wire_names()
    {
        Assert.That(PipeMessageTypes.All, Is.EqualTo(new[] { "Handshake", "Event", "Confirmation", "Request", "Response" }));
        Assert.That(ConformanceCommands.EmitEvent, Is.EqualTo("Conformance.EmitEvent"));
        Assert.That(EventTypes.TrafficChanged, Is.EqualTo("TrafficChanged"));
        Assert.That((DefaultPipeNames.CommandPipe, DefaultPipeNames.EventPipe), Is.EqualTo(("UnifiedSDKVPNCommandPipe", "UnifiedSDKVPNEventPipe")));
    }

    private static bool IsXmlText(string text)
    {
        try
        {
            System.Xml.XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}

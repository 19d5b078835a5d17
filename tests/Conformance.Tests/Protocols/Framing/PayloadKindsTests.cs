using System.Text;
using Conformance.Protocols.Framing;

namespace Conformance.Tests.Protocols.Framing;

public class PayloadKindsTests
{
    [TestCase("{\"messageType\":\"Handshake\"}", PayloadKind.Json)]
    [TestCase(" \t\r\n{}", PayloadKind.Json)]
    [TestCase("<Handshake/>", PayloadKind.Xml)]
    [TestCase("\n<?xml version=\"1.0\"?><Handshake/>", PayloadKind.Xml)]
    public void Tells_JSON_from_XML_by_the_first_non_whitespace_byte(string payload, PayloadKind kind)
    {
        var detection = PayloadKinds.Detect(Encoding.UTF8.GetBytes(payload));

        Assert.That(detection.Kind, Is.EqualTo(kind));
        Assert.That(detection.Text, Is.EqualTo(payload));
        Assert.That(detection.Error, Is.Null);
    }

    [TestCase("")]
    [TestCase(" \r\n\t ")]
    public void Reports_a_payload_without_content_as_blank(string payload)
    {
        var detection = PayloadKinds.Detect(Encoding.UTF8.GetBytes(payload));

        Assert.That(detection.Error, Is.EqualTo(PayloadError.Blank));
        Assert.That(detection.IsKnown, Is.False);
    }

    [TestCase("[1,2]", 0, "'['")]
    [TestCase("  hello", 2, "'h'")]
    [TestCase("\v{}", 0, "0x0B")]
    public void Reports_any_other_first_byte_as_an_unknown_kind(string payload, int offset, string shown)
    {
        var detection = PayloadKinds.Detect(Encoding.UTF8.GetBytes(payload));

        Assert.That(detection.Error, Is.EqualTo(PayloadError.UnknownKind));
        Assert.That(detection.Offset, Is.EqualTo(offset));
        Assert.That(detection.Message, Does.Contain(shown));
    }

    [Test]
    public void Names_a_byte_order_mark_before_the_content()
    {
        var detection = PayloadKinds.Detect([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']);

        Assert.That(detection.Error, Is.EqualTo(PayloadError.UnknownKind));
        Assert.That(detection.Message, Does.Contain("byte-order mark"));
    }

    [Test]
    public void Reports_invalid_UTF8_with_the_offset_of_the_first_bad_byte()
    {
        var detection = PayloadKinds.Detect([(byte)'{', (byte)'"', (byte)'a', 0xFF, (byte)'"', (byte)'}']);

        Assert.That(detection.Error, Is.EqualTo(PayloadError.InvalidUtf8));
        Assert.That(detection.Offset, Is.EqualTo(3));
        Assert.That(detection.Text, Is.Null);
        Assert.That(detection.Message, Is.EqualTo("byte 3 (0xFF) is not valid UTF-8"));
    }

    [Test]
    public void Reports_a_multibyte_sequence_cut_short_as_invalid_UTF8()
    {
        var detection = PayloadKinds.Detect([(byte)'<', (byte)'a', 0xE2, 0x82]);

        Assert.That(detection.Error, Is.EqualTo(PayloadError.InvalidUtf8));
        Assert.That(detection.Offset, Is.EqualTo(2));
    }

    [TestCase("", "the payload is empty")]
    [TestCase(" \r\n", "the payload holds only whitespace")]
    [TestCase("[1]", "byte 0 is '[' (0x5B); a payload begins with { (JSON) or < (XML)")]
    [TestCase("!", "byte 0 is '!' (0x21); a payload begins with { (JSON) or < (XML)")]
    [TestCase("~", "byte 0 is '~' (0x7E); a payload begins with { (JSON) or < (XML)")]
    [TestCase("\u007f", "byte 0 is 0x7F; a payload begins with { (JSON) or < (XML)")]
    [TestCase("\u001f", "byte 0 is 0x1F; a payload begins with { (JSON) or < (XML)")]
    public void Says_what_is_wrong_with_a_payload_it_cannot_tell(string payload, string message)
    {
        Assert.That(PayloadKinds.Detect(Encoding.UTF8.GetBytes(payload)).Message, Is.EqualTo(message));
    }
}

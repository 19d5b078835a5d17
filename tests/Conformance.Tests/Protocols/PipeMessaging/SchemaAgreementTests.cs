using System.Text;
using Conformance.Engine.Validation;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.PipeMessaging;

/// <summary>The codec and the schemas judge every test vector alike, in both forms.</summary>
public class SchemaAgreementTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    public static IEnumerable<TestCaseData> JsonVectors() => ExampleVectors.Json();

    public static IEnumerable<TestCaseData> XmlVectors() => ExampleVectors.Xml();

    [TestCaseSource(nameof(JsonVectors))]
    public void The_codec_judges_each_JSON_vector_as_its_schema_does(string messageType, string file, bool valid)
    {
        var result = PipeMessageCodec.Decode(File.ReadAllBytes(file));

        AssertJudged(result, messageType, valid);
        if (valid)
        {
            Assert.That(result.Kind, Is.EqualTo(PayloadKind.Json));
            var again = PipeMessageCodec.ToJson(result.Message!);
            Assert.That(Schemas.Value.Get($"pipe-messaging/{messageType.ToLowerInvariant()}").Validate(again), Is.Empty, again);
            Assert.That(PipeMessageCodec.DecodeJson(again).Message, Is.EqualTo(result.Message));
        }
    }

    [TestCaseSource(nameof(XmlVectors))]
    public void The_codec_judges_each_XML_vector_as_the_XSD_does(string messageType, string file, bool valid)
    {
        var result = PipeMessageCodec.Decode(File.ReadAllBytes(file));

        AssertJudged(result, messageType, valid);
        if (valid)
        {
            Assert.That(result.Kind, Is.EqualTo(PayloadKind.Xml));
            var again = PipeMessageCodec.ToXml(result.Message!);
            Assert.That(PipeMessagingXsd.Validate(again), Is.Empty, again);
            Assert.That(PipeMessageCodec.DecodeXml(again).Message, Is.EqualTo(result.Message));
        }
    }

    // XSD 1.0 cannot tie an element's value to another's presence, nor see inside payload, parameters or
    // result; these are the only XML forms the codec refuses and the XSD accepts.
    [TestCase("<Response><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><status>Success</status><error>x</error></Response>", PipeMessageError.MemberNotAllowed, "error")]
    [TestCase("<Response><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><status>Error</status><result/></Response>", PipeMessageError.MemberNotAllowed, "result")]
    [TestCase("<Response><requestId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</requestId><status>Success</status><result>text<a>1</a></result></Response>", PipeMessageError.WrongType, "result")]
    [TestCase("<Event><eventId>3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93</eventId><eventType>T</eventType><payload><a>1</a><a>2</a></payload></Event>", PipeMessageError.DuplicateMember, "payload.a")]
    public void The_codec_is_stricter_than_the_XSD_only_where_the_XSD_cannot_see(string xml, PipeMessageError error, string member)
    {
        var result = PipeMessageCodec.DecodeXml(xml);

        Assert.That(PipeMessagingXsd.Validate(xml), Is.Empty);
        Assert.That((result.Error, result.Member), Is.EqualTo((error, member)), result.Reason);
    }

    // JSON Schema cannot see a member that appears twice: the parser keeps one of them.
    [Test]
    public void The_codec_is_stricter_than_the_JSON_Schema_only_about_duplicate_members()
    {
        const string Json = """{"messageType":"Handshake","sender":"Client","sender":"Service"}""";

        var result = PipeMessageCodec.DecodeJson(Json);

        Assert.That(Schemas.Value.Get("pipe-messaging/handshake").Validate(Json), Is.Empty);
        Assert.That((result.Error, result.Member), Is.EqualTo((PipeMessageError.DuplicateMember, "sender")));
    }

    private static void AssertJudged(PipeMessageDecodeResult result, string messageType, bool valid)
    {
        if (valid)
        {
            Assert.That(result.Message?.MessageType, Is.EqualTo(messageType), result.Reason);
        }
        else
        {
            // A vector that breaks one message may still be another valid message; it must not be this one.
            Assert.That(result.Message?.MessageType, Is.Not.EqualTo(messageType), $"the codec accepts it: {result.Message}");
            if (result.Message is null)
            {
                Assert.That(result.Reason, Is.Not.Empty);
            }
        }
    }

    [Test]
    public void Reads_the_vectors_as_UTF8_without_a_byte_order_mark()
    {
        var files = JsonVectors().Concat(XmlVectors()).Select(data => (string)data.Arguments[1]!);

        Assert.That(files.Where(file => File.ReadAllBytes(file).AsSpan().StartsWith(Encoding.UTF8.Preamble)), Is.Empty);
    }
}

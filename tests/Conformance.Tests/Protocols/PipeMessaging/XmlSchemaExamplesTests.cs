using Conformance.Engine.Validation;
using Conformance.Protocols.PipeMessaging;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.PipeMessaging;

/// <summary>
/// Every XML vector under schemas/pipe-messaging/examples-xml/&lt;stem&gt;/{valid,invalid} validates against
/// the XSD as its folder says, and what the codec writes validates against the XSD and the JSON Schemas.
/// </summary>
public class XmlSchemaExamplesTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    public static IEnumerable<TestCaseData> Vectors() => ExampleVectors.Xml();

    [TestCaseSource(nameof(Vectors))]
    public void Validates_as_its_folder_says(string messageType, string file, bool valid)
    {
        var issues = PipeMessagingXsd.Validate(File.ReadAllText(file));

        if (valid)
        {
            Assert.That(issues, Is.Empty, string.Join("; ", issues));
        }
        else
        {
            Assert.That(issues, Is.Not.Empty, $"the XSD accepts this {messageType}");
        }
    }

    [Test]
    public void Every_example_folder_belongs_to_a_message_and_every_message_has_both_kinds_of_example()
    {
        var examples = Path.Combine(PipeMessagingXsd.Folder, "examples-xml");
        var stems = Directory.EnumerateDirectories(examples).Select(Path.GetFileName).ToList();

        Assert.That(stems, Is.EquivalentTo(ExampleVectors.MessageTypesByStem.Keys));
        foreach (var stem in stems)
        {
            Assert.That(Directory.EnumerateFiles(Path.Combine(examples, stem!, "valid"), "*.xml"), Is.Not.Empty, $"{stem} has no valid examples");
            Assert.That(Directory.EnumerateFiles(Path.Combine(examples, stem!, "invalid"), "*.xml"), Is.Not.Empty, $"{stem} has no invalid examples");
        }
    }

    [TestCaseSource(typeof(SampleMessages), nameof(SampleMessages.InBothForms))]
    public void The_codecs_XML_validates_against_the_XSD(PipeMessage message)
    {
        var xml = PipeMessageCodec.ToXml(message);

        Assert.That(PipeMessagingXsd.Validate(xml), Is.Empty, xml);
    }

    [TestCaseSource(typeof(SampleMessages), nameof(SampleMessages.InBothForms))]
    [TestCaseSource(typeof(SampleMessages), nameof(SampleMessages.InJsonOnly))]
    public void The_codecs_JSON_validates_against_its_JSON_Schema(PipeMessage message)
    {
        var json = PipeMessageCodec.ToJson(message);

        var issues = Schemas.Value.Get($"pipe-messaging/{message.MessageType.ToLowerInvariant()}").Validate(json);

        Assert.That(issues, Is.Empty, $"{json}: {string.Join("; ", issues)}");
    }
}

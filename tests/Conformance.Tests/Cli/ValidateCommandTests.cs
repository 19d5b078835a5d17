using System.Text;
using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Dcv.Wire;
using Google.Protobuf;
using Conformance.Protocols.Framing;
using Conformance.Tests.Support;

namespace Conformance.Tests.Cli;

/// <summary>Issue 11: <c>conformance validate</c> judges messages against a named schema, line- and frame-precise.</summary>
public class ValidateCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Validate(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ConformanceCommand.RunAsync(["validate", "--root", Project.Layout.Root, .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static IEnumerable<TestCaseData> Vectors() =>
        Directory.EnumerateDirectories(Project.Layout.Schemas).SelectMany(protocol =>
            Directory.Exists(Path.Combine(protocol, "examples"))
                ? Directory.EnumerateDirectories(Path.Combine(protocol, "examples")).SelectMany(stem => new[] { "valid", "invalid" }.SelectMany(verdict =>
                    Directory.Exists(Path.Combine(stem, verdict))
                        ? Directory.EnumerateFiles(Path.Combine(stem, verdict), "*.json").Select(file =>
                            new TestCaseData($"{Path.GetFileName(protocol)}/{Path.GetFileName(stem)}", file, verdict == "valid")
                                .SetName($"validate judges {Path.GetFileName(protocol)}/{Path.GetFileName(stem)} {verdict} {Path.GetFileNameWithoutExtension(file)}"))
                        : []))
                : []);

    [TestCaseSource(nameof(Vectors))]
    public async Task Judges_every_schema_vector_as_its_folder_says(string schema, string file, bool valid)
    {
        var (code, output, _) = await Validate("--schema", schema, file);

        Assert.That(code, Is.EqualTo(valid ? 0 : 1), output);
    }

    [Test]
    public async Task Reports_each_bad_line_of_an_NDJSON_capture_with_its_number_path_keyword_and_reason()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, [.. "{\"eventType\":\"Custom\",\"message\":\"ok\"}\n"u8,
                .. "{\"eventType\":\"Bogus\",\"message\":\"x\"}\n"u8,
                .. "{\"eventType\":\"Custom\",\"message\":\"fine\"}\r\n"u8,
                .. "{\"eventType\":\"Custom\",\"message\":\"last\"}\n"u8]);

            var (code, output, _) = await Validate("--schema", "launcher-connector/custom-connector-event", "--lines", file);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("2 of 4 messages invalid"));
            Assert.That(output, Does.Contain("line 2: $.eventType: enum: \"eventType\" is not one of the allowed values: Custom, RemoteConnectionWindowCreated, RemoteConnectionFailure, RemoteConnectionWindowClosed (got \"Bogus\")"));
            Assert.That(output, Does.Contain("line 3: $: line: the line ends with CR LF, not LF alone"));
            Assert.That(output, Does.Not.Contain("line 1:").And.Not.Contain("line 4:"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Reads_a_capture_of_BE32_frames_and_names_the_bad_frame()
    {
        var file = Path.GetTempFileName();
        try
        {
            var good = FrameWriter.Encode("""{"messageType":"Handshake","sender":"Client"}"""u8);
            var bad = FrameWriter.Encode("""{"messageType":"Handshake","sender":"Nobody"}"""u8);
            await File.WriteAllBytesAsync(file, [.. good, .. bad, .. good]);

            var (code, output, _) = await Validate("--schema", "pipe-messaging/handshake", "--framing", "be32", "--json", file);
            var findings = JsonNode.Parse(output)!;

            Assert.That(code, Is.EqualTo(1));
            var messages = findings["files"]![0]!["messages"]!.AsArray();
            Assert.That(messages.Select(message => message!["valid"]!.GetValue<bool>()), Is.EqualTo(new[] { true, false, true }));
            Assert.That(messages[1]!["where"]!.GetValue<string>(), Does.StartWith("frame 2"));
            Assert.That(messages[1]!["issues"]![0]!["path"]!.GetValue<string>(), Is.EqualTo("$.sender"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Reports_a_hostile_frame_length_without_reading_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, [0xFF, 0xFF, 0xFF, 0xFF, 0x7B]);

            var (code, output, _) = await Validate("--schema", "pipe-messaging/handshake", "--framing", "be32", file);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("frame 1").And.Contain("top bit"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Decodes_each_LE32_control_frame_and_judges_its_canonical_JSON_until_one_is_not_protobuf()
    {
        var file = Path.GetTempFileName();
        try
        {
            var le32 = new FrameOptions { Format = FrameFormat.LittleEndian32 };
            var good = FrameWriter.Encode(new ExtensionMessage { Request = new Request { RequestId = "1", GetDcvInfoRequest = new GetDcvInfoRequest() } }.ToByteArray(), le32);
            var noRequestId = FrameWriter.Encode(new ExtensionMessage { Request = new Request { GetDcvInfoRequest = new GetDcvInfoRequest() } }.ToByteArray(), le32);
            var garbage = FrameWriter.Encode([0xFF, 0xFF, 0xFF], le32);
            await File.WriteAllBytesAsync(file, [.. good, .. noRequestId, .. garbage, .. good]);

            var (code, output, _) = await Validate("--schema", "dcv-virtual-channels/extension-message", "--framing", "le32", "--json", file);
            var messages = JsonNode.Parse(output)!["files"]![0]!["messages"]!.AsArray();

            Assert.That(code, Is.EqualTo(1));
            Assert.That(messages.Select(message => message!["valid"]!.GetValue<bool>()), Is.EqualTo(new[] { true, false, false }), "an undecodable message ends the capture, as it ends a session");
            Assert.That(messages[1]!["issues"]![0]!["path"]!.GetValue<string>(), Does.Contain("request"));
            Assert.That(messages[2]!["issues"]![0]!["keyword"]!.GetValue<string>(), Is.EqualTo("protobuf"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("valid", 0)]
    [TestCase("invalid", 1)]
    public async Task Judges_an_XML_payload_in_a_BE32_capture_by_the_protocol_s_XSD(string folder, int expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            var examples = Directory.GetFiles(Path.Combine(Project.Layout.Root, "schemas", "pipe-messaging", "examples-xml", "handshake", folder), "*.xml").Order(StringComparer.Ordinal);
            await File.WriteAllBytesAsync(file, examples.SelectMany(example => FrameWriter.Encode(File.ReadAllBytes(example))).ToArray());

            var (code, output, _) = await Validate("--schema", "pipe-messaging/handshake", "--framing", "be32", file);

            Assert.That(code, Is.EqualTo(expected), output);
            Assert.That(output, Does.Not.Contain("no XML form"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Lists_the_schemas_it_can_name()
    {
        var (code, output, _) = await Validate("--list-schemas");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Does.Contain("launcher-connector/custom-connector-event").And.Contain("pipe-messaging/event"));
    }

    [TestCase(new[] { "x.json" }, "Name the schema with --schema")]
    [TestCase(new[] { "--schema", "launcher-connector/custom-conector-event", "x.json" }, "Did you mean launcher-connector/custom-connector-event?")]
    [TestCase(new[] { "--schema", "launcher-connector/custom-connector-event", "--lines", "--framing", "be32", "x.json" }, "do not go together")]
    [TestCase(new[] { "--schema", "launcher-connector/custom-connector-event", "--framing", "be99", "x.json" }, "--framing be99")]
    [TestCase(new[] { "--schema", "pipe-messaging/handshake", "--framing", "le32", "x.bin" }, "--framing le32 reads DCV control messages")]
    [TestCase(new[] { "--schema", "dcv-virtual-channels/dcv-message", "--framing", "be32", "x.bin" }, "use --framing le32")]
    [TestCase(new[] { "--schema", "launcher-connector/custom-connector-event" }, "Give the files to validate")]
    [TestCase(new[] { "--schema", "launcher-connector/custom-connector-event", "/no/such/file.json" }, "Cannot read /no/such/file.json")]
    public async Task Exits_2_on_a_usage_error(string[] args, string message)
    {
        var (code, _, error) = await Validate(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
        Assert.That(Encoding.UTF8.GetByteCount(error), Is.LessThan(2000));
    }
}

using System.Text;
using Conformance.Protocols.Framing;
using Conformance.Protocols.Lines;

namespace Conformance.Engine.Validation;

/// <summary>
/// Validates captured messages against a named schema, read the way the protocol carries them: one JSON
/// document; newline-delimited JSON read by the line codec (its defects reported in its words); or
/// length-prefixed frames read by the frame codec (its faults reported, then each payload validated).
/// </summary>
internal static class MessageValidator
{
    /// <summary>The whole input as one JSON document.</summary>
    public static async Task<IReadOnlyList<MessageCheck>> DocumentAsync(Stream input, MessageSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return [new MessageCheck("the document", schema.Validate(text))];
    }

    /// <summary>One message per line, as the launcher-connector pipe carries them.</summary>
    public static async Task<IReadOnlyList<MessageCheck>> LinesAsync(Stream input, MessageSchema schema, int maxLineBytes = LineReader.DefaultMaxLineBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var checks = new List<MessageCheck>();
        var reader = new LineReader(input, maxLineBytes);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var issues = LineDefects.Describe(line, maxLineBytes).Select(defect => new SchemaIssue("$", "line", defect)).ToList();
            if (line.Text is { } text)
            {
                issues.AddRange(schema.Validate(text));
            }

            checks.Add(new MessageCheck($"line {line.Number}", issues));
        }

        return checks;
    }

    /// <summary>One message per BE32 frame, as the Pipe Messaging pipes carry them: JSON judged by <paramref name="schema"/>, XML by the protocol's <paramref name="xml"/> when it has one.</summary>
    public static async Task<IReadOnlyList<MessageCheck>> FramesAsync(Stream input, MessageSchema schema, XmlMessageSchema? xml = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var checks = new List<MessageCheck>();
        await using var reader = FrameReader.FromStream(input);
        while (true)
        {
            var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame.IsEnd)
            {
                return checks;
            }

            var where = $"frame {frame.FrameNumber} (byte {frame.Offset})";
            if (!frame.IsFrame)
            {
                // A frame fault ends the stream: nothing after it can be framed.
                checks.Add(new MessageCheck(where, [new SchemaIssue("$", "frame", frame.Message ?? frame.Error.ToString()!)]));
                return checks;
            }

            var payload = PayloadKinds.Detect(frame.Payload.Span);
            if (!payload.IsKnown)
            {
                checks.Add(new MessageCheck(where, [new SchemaIssue("$", "payload", payload.Message ?? "neither JSON nor XML")]));
                continue;
            }

            checks.Add(new MessageCheck(where, (payload.Kind, xml) switch
            {
                (PayloadKind.Json, _) => schema.Validate(payload.Text!),
                (_, not null) => xml.Validate(payload.Text!),
                _ => [new SchemaIssue("$", "payload", "an XML payload, and this protocol's messages have no XML form")],
            }));
        }
    }
}

using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Google.Protobuf;

namespace Conformance.Engine.Validation;

/// <summary>
/// Checks a capture of DCV control frames (LE32 length, one protobuf message each): every message is decoded as
/// the schema's side sends it and judged in its canonical JSON form, as the harness judges live traffic.
/// </summary>
internal static class ControlFrameValidator
{
    /// <summary>True when <paramref name="schema"/> judges DCV control messages, which only LE32 captures carry.</summary>
    public static bool Judges(MessageSchema schema) =>
        schema.Name is ControlJson.ExtensionMessageSchema or ControlJson.DcvMessageSchema;

    /// <summary>One check per frame; a frame fault or an undecodable message ends the capture, as it ends a session.</summary>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not a control-message schema.</exception>
    public static Task<IReadOnlyList<MessageCheck>> CheckAsync(Stream input, MessageSchema schema, CancellationToken cancellationToken = default) =>
        schema.Name switch
        {
            ControlJson.ExtensionMessageSchema => CheckAsync<ExtensionMessage>(input, schema, cancellationToken),
            ControlJson.DcvMessageSchema => CheckAsync<DcvMessage>(input, schema, cancellationToken),
            _ => throw new ArgumentException($"{schema.Name} does not judge DCV control messages; name {ControlJson.ExtensionMessageSchema} or {ControlJson.DcvMessageSchema}.", nameof(schema)),
        };

    private static async Task<IReadOnlyList<MessageCheck>> CheckAsync<TMessage>(Stream input, MessageSchema schema, CancellationToken cancellationToken)
        where TMessage : class, IMessage<TMessage>, new()
    {
        var checks = new List<MessageCheck>();
        await using var reader = new ControlFrameReader<TMessage>(input);
        while (true)
        {
            var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame.IsEnd)
            {
                return checks;
            }

            var where = $"frame {frame.FrameNumber} (byte {frame.Offset})";
            if (!frame.IsMessage)
            {
                checks.Add(new MessageCheck(where, [new SchemaIssue("$", frame.Error == ControlFrameError.NotProtobuf ? "protobuf" : "frame", frame.Description ?? frame.Error.ToString()!)]));
                return checks;
            }

            checks.Add(new MessageCheck(where, schema.Validate(ControlJson.Format(frame.Message!))));
        }
    }
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>Writes the JSON form: compact, <c>messageType</c> first, then the members in the protocol's order.</summary>
internal static class JsonMessageWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(PipeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString(MessageMembers.MessageType, message.MessageType);
            WriteMembers(writer, message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMembers(Utf8JsonWriter writer, PipeMessage message)
    {
        switch (message)
        {
            case Handshake handshake:
                writer.WriteString(MessageMembers.Sender, handshake.Sender.ToString());
                break;
            case Event @event:
                writer.WriteString(MessageMembers.EventId, CanonicalGuid.Format(@event.EventId));
                writer.WriteString(MessageMembers.EventType, @event.EventType);
                writer.WritePropertyName(MessageMembers.Payload);
                MessageRules.Object(MessageMembers.Payload, @event.Payload).WriteTo(writer);
                break;
            case Confirmation confirmation:
                writer.WriteString(MessageMembers.EventId, CanonicalGuid.Format(confirmation.EventId));
                break;
            case Request request:
                writer.WriteString(MessageMembers.RequestId, CanonicalGuid.Format(request.RequestId));
                writer.WriteString(MessageMembers.Command, request.Command);
                writer.WritePropertyName(MessageMembers.Parameters);
                MessageRules.Object(MessageMembers.Parameters, request.Parameters).WriteTo(writer);
                break;
            case Response response:
                writer.WriteString(MessageMembers.RequestId, CanonicalGuid.Format(response.RequestId));
                writer.WriteString(MessageMembers.Status, response.Status.ToString());
                if (MessageRules.Outcome(response) is { } result)
                {
                    writer.WritePropertyName(MessageMembers.Result);
                    result.WriteTo(writer);
                }
                else
                {
                    writer.WriteString(MessageMembers.Error, response.Error);
                }

                break;
            default:
                throw new ArgumentException($"{message.GetType().Name} is not a Pipe Messaging message.", nameof(message));
        }
    }
}

using System.Text.Json;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>How the reference roles read payloads and name messages, shared with the harness's drivers (PM-F03).</summary>
public static class Payloads
{
    /// <summary>The message in <paramref name="payload"/>, its form, or what is wrong with it.</summary>
    public static (PipeMessage? Message, PayloadKind? Kind, string? Problem) Decode(ReadOnlyMemory<byte> payload)
    {
        var decoded = PipeMessageCodec.Decode(payload.Span);
        if (decoded.Message is { } message)
        {
            return (message, decoded.Kind, null);
        }

        var member = decoded.Member is null ? "" : $" ({decoded.Member})";
        return (null, decoded.Kind, $"{decoded.Error}{member}: {decoded.Reason}");
    }

    /// <summary>A short description of a message for the journal.</summary>
    public static string Describe(PipeMessage message) => message switch
    {
        Handshake handshake => $"Handshake from {handshake.Sender}",
        Event @event => $"Event {@event.EventType} {@event.EventId}",
        Confirmation confirmation => $"Confirmation {confirmation.EventId}",
        Request request => $"Request {request.Command} {request.RequestId}",
        Response response => $"Response {response.Status} {response.RequestId}",
        _ => message.MessageType,
    };

    /// <summary>An empty JSON object, for payloads and parameters that carry nothing.</summary>
    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>What a <see cref="ConformanceCommands.EmitEvent"/> request asks the service to emit.</summary>
/// <param name="EventType">The event's type.</param>
/// <param name="Payload">The event's payload: a JSON object.</param>
public sealed record EmitEventParameters(string EventType, JsonElement Payload)
{
    /// <summary>The request that asks for this event.</summary>
    /// <exception cref="InvalidOperationException">The payload is not a JSON object.</exception>
    public Request ToRequest(Guid requestId)
    {
        if (Payload.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"An event's payload is a JSON object, not {JsonValues.Describe(Payload)}.");
        }

        var parameters = new Dictionary<string, JsonElement>
        {
            ["eventType"] = JsonSerializer.SerializeToElement(EventType),
            ["payload"] = Payload,
        };
        return new Request(requestId, ConformanceCommands.EmitEvent, JsonSerializer.SerializeToElement(parameters));
    }

    /// <summary>Reads the parameters of an EmitEvent request; members it does not know are ignored.</summary>
    public static bool TryRead(Request request, [NotNullWhen(true)] out EmitEventParameters? parameters, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        parameters = null;
        if (request.Command != ConformanceCommands.EmitEvent)
        {
            reason = $"the command is \"{request.Command}\", not \"{ConformanceCommands.EmitEvent}\"";
            return false;
        }

        if (request.Parameters.ValueKind != JsonValueKind.Object)
        {
            reason = $"parameters is {JsonValues.Describe(request.Parameters)}, not an object";
            return false;
        }

        if (!request.Parameters.TryGetProperty("eventType", out var eventType) || eventType.ValueKind != JsonValueKind.String)
        {
            reason = "parameters.eventType is missing or not a string";
            return false;
        }

        if (!request.Parameters.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            reason = "parameters.payload is missing or not an object";
            return false;
        }

        parameters = new EmitEventParameters(eventType.GetString()!, payload.Clone());
        reason = null;
        return true;
    }

    /// <summary>Equal when the event type is, and the payload as JSON.</summary>
    public bool Equals(EmitEventParameters? other) =>
        other is not null && EventType == other.EventType && JsonValues.Same(Payload, other.Payload);

    /// <inheritdoc />
    public override int GetHashCode() => EventType.GetHashCode(StringComparison.Ordinal);
}

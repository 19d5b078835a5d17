using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>Something that happened in the service, sent on the event pipe and awaiting a <see cref="Confirmation"/>.</summary>
/// <param name="EventId">Identifies the event; the confirmation carries it back.</param>
/// <param name="EventType">What happened, such as <see cref="EventTypes.TrafficChanged"/>.</param>
/// <param name="Payload">The event's details: a JSON object.</param>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Event is the protocol's own name for the message.")]
public sealed record Event(Guid EventId, string EventType, JsonElement Payload) : PipeMessage
{
    /// <inheritdoc />
    public override string MessageType => PipeMessageTypes.Event;

    /// <summary>Equal when every member is, the payload compared by its JSON value.</summary>
    public bool Equals(Event? other) =>
        other is not null && base.Equals(other) && EventId == other.EventId && EventType == other.EventType && JsonValues.Same(Payload, other.Payload);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EventId, EventType);
}

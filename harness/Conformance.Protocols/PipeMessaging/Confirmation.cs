namespace Conformance.Protocols.PipeMessaging;

/// <summary>The client's receipt for one <see cref="Event"/>; without it in time the service acts on the event (PM-E06).</summary>
/// <param name="EventId">The confirmed event's <c>eventId</c>.</param>
public sealed record Confirmation(Guid EventId) : PipeMessage
{
    /// <inheritdoc />
    public override string MessageType => PipeMessageTypes.Confirmation;
}

namespace Conformance.Protocols.PipeMessaging;

/// <summary>Event types the protocol gives rules of their own.</summary>
public static class EventTypes
{
    /// <summary>Traffic figures, about every second while traffic flows; never kept when unconfirmed (PM-E08).</summary>
    public const string TrafficChanged = "TrafficChanged";
}

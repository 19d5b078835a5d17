namespace Conformance.Protocols.PipeMessaging;

/// <summary>The five values of <c>messageType</c>.</summary>
public static class PipeMessageTypes
{
    /// <summary>A liveness check on the event pipe, sent by both sides.</summary>
    public const string Handshake = "Handshake";

    /// <summary>Something that happened in the service, sent on the event pipe.</summary>
    public const string Event = "Event";

    /// <summary>The client's receipt for one event.</summary>
    public const string Confirmation = "Confirmation";

    /// <summary>A command sent on the command pipe.</summary>
    public const string Request = "Request";

    /// <summary>The service's answer to a request.</summary>
    public const string Response = "Response";

    /// <summary>All five, in the order the protocol lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Handshake, Event, Confirmation, Request, Response];
}

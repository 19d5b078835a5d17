namespace Conformance.Protocols.PipeMessaging;

/// <summary>Which side of the event pipe sent a <see cref="Handshake"/>; the names are the wire strings.</summary>
public enum HandshakeSender
{
    /// <summary>The event-pipe client.</summary>
    Client,

    /// <summary>The event-pipe service.</summary>
    Service,
}

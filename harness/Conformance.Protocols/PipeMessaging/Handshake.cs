namespace Conformance.Protocols.PipeMessaging;

/// <summary>The event pipe's liveness check: the client's opening one, the service's answer, and the idle-time checks.</summary>
/// <param name="Sender">Which side sent it.</param>
public sealed record Handshake(HandshakeSender Sender) : PipeMessage
{
    /// <inheritdoc />
    public override string MessageType => PipeMessageTypes.Handshake;
}

namespace Conformance.Protocols.PipeMessaging;

/// <summary>The members' wire names, and which members each message has.</summary>
internal static class MessageMembers
{
    public const string MessageType = "messageType";
    public const string Sender = "sender";
    public const string EventId = "eventId";
    public const string EventType = "eventType";
    public const string Payload = "payload";
    public const string RequestId = "requestId";
    public const string Command = "command";
    public const string Parameters = "parameters";
    public const string Status = "status";
    public const string Result = "result";
    public const string Error = "error";

    /// <summary>The members of a message other than <c>messageType</c>, in the order its XML form puts them.</summary>
    public static string[] Of(string messageType) => messageType switch
    {
        PipeMessageTypes.Handshake => [Sender],
        PipeMessageTypes.Event => [EventId, EventType, Payload],
        PipeMessageTypes.Confirmation => [EventId],
        PipeMessageTypes.Request => [RequestId, Command, Parameters],
        PipeMessageTypes.Response => [RequestId, Status, Result, Error],
        _ => throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "not a message type"),
    };
}

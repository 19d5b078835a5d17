using System.Text.Json.Serialization;

namespace Conformance.Protocols.LauncherConnector;

/// <summary>One line from the connector to the Launcher.</summary>
/// <param name="EventType">What happened.</param>
/// <param name="Message">Human-readable detail; required, may be empty.</param>
/// <param name="ProcessId">The remote window's process, meaningful with <see cref="CustomConnectorEventType.RemoteConnectionWindowCreated"/> only.</param>
public sealed record CustomConnectorEvent(
    [property: JsonPropertyName("eventType")] CustomConnectorEventType EventType,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("processId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ProcessId = null)
{
    /// <summary>True for the events after which a connector's session is over (LC-C10).</summary>
    [JsonIgnore]
    public bool IsFinal => EventType is CustomConnectorEventType.RemoteConnectionWindowClosed or CustomConnectorEventType.RemoteConnectionFailure;

    /// <summary>Serializes the event as one JSON line (without the LF).</summary>
    public string ToJsonLine() => System.Text.Json.JsonSerializer.Serialize(this, LauncherConnectorJson.Options);
}

namespace Conformance.Protocols.LauncherConnector;

/// <summary>Why a line is not a <see cref="CustomConnectorEvent"/>.</summary>
public enum EventParseError
{
    /// <summary>The line is not JSON at all.</summary>
    InvalidJson,

    /// <summary>The line is JSON but not an object.</summary>
    NotAnObject,

    /// <summary><c>eventType</c> is missing or not a string.</summary>
    BadEventType,

    /// <summary><c>eventType</c> is a string that names none of the four event types.</summary>
    UnknownEventType,

    /// <summary><c>message</c> is missing or not a string.</summary>
    BadMessage,

    /// <summary><c>processId</c> is neither null nor a whole number that can be a process id.</summary>
    BadProcessId,
}

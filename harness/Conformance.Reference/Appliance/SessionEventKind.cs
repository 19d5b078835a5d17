namespace Conformance.Reference.Appliance;

/// <summary>User-session events, as the appliance records them.</summary>
public enum SessionEventKind
{
    /// <summary>Posted by the Launcher when a session request arrives (LC-L01).</summary>
    ConnectionStarted,

    /// <summary>Posted by the Launcher when the connection is over (LC-L07, LC-L09, LC-L12, LC-L13).</summary>
    ConnectionEnded,

    /// <summary>Posted by the Launcher when the connector reports a failure (LC-L10).</summary>
    ConnectionFailed,

    /// <summary>A custom user-session event carrying a connector's message (LC-L11).</summary>
    CustomUserSessionEvent,

    /// <summary>Raised by the appliance itself when a login stays in progress too long (LC-L13).</summary>
    ConnectionInitializationTimeout,
}

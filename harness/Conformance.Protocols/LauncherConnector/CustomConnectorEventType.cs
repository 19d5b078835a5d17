namespace Conformance.Protocols.LauncherConnector;

/// <summary>The four kinds of event a connector may send to the Launcher; the names are the wire strings.</summary>
public enum CustomConnectorEventType
{
    /// <summary>Free-form information, posted as a custom user-session event.</summary>
    Custom,

    /// <summary>The remote client's window exists; may carry the process to track.</summary>
    RemoteConnectionWindowCreated,

    /// <summary>The connection could not be made; the session fails at once.</summary>
    RemoteConnectionFailure,

    /// <summary>The remote client has gone; the session ends unless a tracked process still runs.</summary>
    RemoteConnectionWindowClosed,
}

namespace Conformance.Engine.LauncherConnector.Launch;

/// <summary>What a connector's developer can make happen during a <c>launch</c> session, by key or by script.</summary>
internal enum LaunchAction
{
    /// <summary>End the remote client the connector reported, as the user closing the remote session would.</summary>
    EndRemoteClient,

    /// <summary>Log the user's session off on the appliance's side.</summary>
    LogOff,

    /// <summary>Close the Launcher's end of the pipe, as an aborted session does.</summary>
    ClosePipe,

    /// <summary>End the session now.</summary>
    Quit,
}

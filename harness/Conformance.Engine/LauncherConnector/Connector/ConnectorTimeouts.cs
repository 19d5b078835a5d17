namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>The deadlines a connector under test is held to, with the catalog's defaults.</summary>
internal sealed record ConnectorTimeouts
{
    /// <summary>From start to connecting to the pipe (LC-C01). Default 10 s.</summary>
    public TimeSpan Connect { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>From connecting to reporting the window or the failure. Default 30 s.</summary>
    public TimeSpan WindowCreated { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>From the remote client's end to RemoteConnectionWindowClosed (LC-C07). Default 30 s.</summary>
    public TimeSpan WindowClosed { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>From the final event, or the Launcher closing the pipe, to exiting (LC-C10, LC-C11). Default 10 s.</summary>
    public TimeSpan Exit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the harness lets the remote client run before ending it, standing in for the session's end. Default 2 s.</summary>
    public TimeSpan WindowLifetime { get; init; } = TimeSpan.FromSeconds(2);
}

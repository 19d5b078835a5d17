namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>The names of the acts a connector scenario sets up; with the configuration, they name a situation.</summary>
internal static class ConnectorActs
{
    /// <summary>Started with the pipe, run until the window or the failure.</summary>
    public const string UntilWindow = "until its window";

    /// <summary>A whole session, to the connector's exit.</summary>
    public const string WholeSession = "whole session";

    /// <summary>The Launcher closes the pipe after the window.</summary>
    public const string HangUp = "Launcher hangs up after the window";

    /// <summary>Started without VSI_IPC_PIPE_NAME.</summary>
    public const string WithoutPipe = "without VSI_IPC_PIPE_NAME";
}

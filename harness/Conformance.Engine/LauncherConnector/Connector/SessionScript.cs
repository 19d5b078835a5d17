using Conformance.Engine.Running;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The Launcher's side of a session as the protocol has it, with every wait bounded by the target's
/// deadlines: connect, configuration, window or failure, the remote client's end, the final event, exit.
/// </summary>
public static class SessionScript
{
    /// <summary>
    /// Starts the connector and waits for it to connect. The run's first attempt finds out whether the
    /// connector connects at all; when it does not, every later scenario is skipped at once with the reason.
    /// </summary>
    /// <returns>False when this session did not connect (the reason is in <see cref="ConnectorSession.ConnectFailure"/>).</returns>
    public static async Task<bool> StartAndConnectAsync(ConnectorScenario scenario, ConnectorSession session, bool judgesConnection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(session);
        var probe = scenario.Gate.TryClaimProbe();
        if (!probe && await scenario.Gate.WaitAsync(cancellationToken).ConfigureAwait(false) is { } never && !judgesConnection)
        {
            throw new ScenarioSkippedException($"the connector never connected (LC-C01): {never}");
        }

        session.Start(scenario.RequireConfiguration());
        var connected = await session.ConnectAsync().ConfigureAwait(false);
        if (probe)
        {
            if (connected)
            {
                scenario.Gate.ReportConnected();
            }
            else
            {
                scenario.Gate.ReportNeverConnected(session.ConnectFailure!);
            }
        }

        if (!connected && !judgesConnection)
        {
            throw new ScenarioSkippedException($"the connector did not connect (LC-C01 judges it): {session.ConnectFailure}");
        }

        return connected;
    }

    /// <summary>Waits for the window, or the failure, or the connector's end, within the window deadline.</summary>
    public static Task<bool> AwaitWindowOrFailureAsync(ConnectorSession session) =>
        session.WaitUntilAsync(
            s => s.Events.Any(e => e.EventType is CustomConnectorEventType.RemoteConnectionWindowCreated or CustomConnectorEventType.RemoteConnectionFailure) || s.PipeClosed || s.Exited,
            session.Target.Timeouts.WindowCreated);

    /// <summary>Runs a whole session: window (the remote client is ended after its lifetime) or failure, final event, exit.</summary>
    public static async Task RunWholeSessionAsync(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var timeouts = session.Target.Timeouts;
        await AwaitWindowOrFailureAsync(session).ConfigureAwait(false);
        if (session.FinalLine is null && !session.PipeClosed && !session.Exited)
        {
            // The harness ends the remote client after its lifetime; the window-closed deadline runs from then.
            await session.WaitUntilAsync(s => s.RemoteClientEndedAt is not null || s.FinalLine is not null || s.PipeClosed || s.Exited, timeouts.WindowLifetime + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            await session.WaitUntilAsync(s => s.FinalLine is not null || s.PipeClosed || s.Exited, timeouts.WindowClosed).ConfigureAwait(false);
        }

        await AwaitExitAsync(session).ConfigureAwait(false);
    }

    /// <summary>Gives the connector the exit deadline to close the pipe and exit.</summary>
    public static Task<bool> AwaitExitAsync(ConnectorSession session) =>
        session.WaitUntilAsync(s => s.PipeClosed && s.Exited, session.Target.Timeouts.Exit);
}

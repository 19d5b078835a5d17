using Conformance.Processes;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The acts a connector scenario can set up — each run once per situation and shared — with the Launcher's
/// side of a session as the protocol has it and every wait bounded by the target's deadlines: connect,
/// configuration, window or failure, the remote client's end, the final event, exit. A wait also ends as
/// soon as it can no longer be met: when the connector has exited or closed the pipe.
/// </summary>
internal static class SessionScript
{
    /// <summary>Start with the pipe and run until the window or the failure (LC-C01; LC-C12's comparisons).</summary>
    public static async Task UntilWindowAsync(ConnectorSession session, ConnectivityGate gate)
    {
        if (await StartAndConnectAsync(session, gate).ConfigureAwait(false))
        {
            await AwaitWindowOrFailureAsync(session).ConfigureAwait(false);
        }
    }

    /// <summary>A whole session: window (the remote client is ended after its lifetime) or failure, final event, exit.</summary>
    public static async Task WholeSessionAsync(ConnectorSession session, ConnectivityGate gate)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await StartAndConnectAsync(session, gate).ConfigureAwait(false))
        {
            return;
        }

        var timeouts = session.Target.Timeouts;
        await AwaitWindowOrFailureAsync(session).ConfigureAwait(false);
        var windowCreated = session.Events.Any(e => e.EventType == CustomConnectorEventType.RemoteConnectionWindowCreated);
        if (windowCreated && session.FinalLine is null && !session.PipeClosed && !session.Exited)
        {
            // The harness ends the remote client after its lifetime; the window-closed deadline runs from then.
            await session.WaitUntilAsync(s => s.RemoteClientEndedAt is not null || s.FinalLine is not null || s.PipeClosed || s.Exited, timeouts.WindowLifetime + TimeSpan.FromSeconds(1), "the remote client's lifetime").ConfigureAwait(false);
            await session.WaitUntilAsync(s => s.FinalLine is not null || s.PipeClosed || s.Exited, timeouts.WindowClosed, "RemoteConnectionWindowClosed").ConfigureAwait(false);
        }

        // The exit deadline runs from the final event (LC-C10); without one, and with the pipe still open,
        // nothing the connector could still do would change a verdict: the run ends here.
        if (session.FinalLine is not null || session.PipeClosed || session.Exited)
        {
            await session.WaitUntilAsync(s => s.PipeClosed && s.Exited, timeouts.Exit, "the connector to close the pipe and exit").ConfigureAwait(false);
        }
    }

    /// <summary>The Launcher closes the pipe once the window (or the failure) came, and the connector is given the exit deadline (LC-C11).</summary>
    public static async Task HangUpAfterWindowAsync(ConnectorSession session, ConnectivityGate gate)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await StartAndConnectAsync(session, gate).ConfigureAwait(false))
        {
            return;
        }

        if (!await AwaitWindowOrFailureAsync(session).ConfigureAwait(false))
        {
            session.Note("no window or failure came within the window deadline; the Launcher closed the pipe anyway");
        }

        await session.CloseFromLauncherAsync().ConfigureAwait(false);
        await session.WaitUntilAsync(s => s.Exited, session.Target.Timeouts.Exit, "the connector to exit after the Launcher closed the pipe").ConfigureAwait(false);
    }

    /// <summary>Start without VSI_IPC_PIPE_NAME, as a Launcher from before the pipe, and watch it for the exit deadline (LC-C13).</summary>
    public static async Task WithoutPipeAsync(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            await session.StartAsync(withPipe: false).ConfigureAwait(false);
        }
        catch (ProcessStartException exception)
        {
            session.NotStarted($"the connector could not be started: {exception.Message}");
            return;
        }

        await session.WaitUntilAsync(s => s.Exited, session.Target.Timeouts.Exit, "the connector to run without a pipe").ConfigureAwait(false);
    }

    /// <summary>Waits for the window, or the failure, or the connector's end, within the window deadline.</summary>
    public static Task<bool> AwaitWindowOrFailureAsync(ConnectorSession session) =>
        session.WaitUntilAsync(
            s => s.Events.Any(e => e.EventType is CustomConnectorEventType.RemoteConnectionWindowCreated or CustomConnectorEventType.RemoteConnectionFailure) || s.PipeClosed || s.Exited,
            session.Target.Timeouts.WindowCreated,
            "RemoteConnectionWindowCreated or RemoteConnectionFailure");

    /// <summary>
    /// Starts the connector and waits for it to connect. The certification's first attempt finds out whether
    /// the connector connects at all; when it does not, later runs are not started, and say why.
    /// </summary>
    /// <returns>False when this run did not connect (the reason is in <see cref="ConnectorSession.ConnectFailure"/>).</returns>
    private static async Task<bool> StartAndConnectAsync(ConnectorSession session, ConnectivityGate gate)
    {
        var probe = gate.TryClaimProbe();
        if (!probe && await gate.WaitAsync(session.Cancellation).ConfigureAwait(false) is { } never)
        {
            session.NotStarted($"the connector never connected in an earlier run: {never}");
            return false;
        }

        var connected = false;
        try
        {
            await session.StartAsync().ConfigureAwait(false);
            connected = await session.ConnectAsync().ConfigureAwait(false);
        }
        catch (ProcessStartException exception)
        {
            session.NotStarted($"the connector could not be started: {exception.Message}");
        }
        finally
        {
            if (probe)
            {
                gate.Report(connected ? null : session.ConnectFailure ?? "the run that was to find out ended before it could");
            }
        }

        return connected;
    }
}

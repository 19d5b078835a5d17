using System.Globalization;
using System.Threading.Channels;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.Validation;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Secrets;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launch;

/// <summary>
/// The reference Launcher as a developer's tool: one real session with a connector, every message the
/// connector sends shown with its validation verdict, what the Launcher does with it, the appliance's
/// state changes and the remote client it tracks — live, line by line, secrets masked — while actions
/// (keys or a script) end the remote client, log the user off, close the pipe or quit.
/// </summary>
internal sealed class LaunchSession(ConnectorTarget target, bool failing, SchemaSet schemas, TextWriter output)
{
    private const string EventSchema = "launcher-connector/custom-connector-event";
    private readonly Channel<LaunchAction> _actions = Channel.CreateUnbounded<LaunchAction>();
    private bool _endRemoteClientOnceTracked;

    /// <summary>Asks for <paramref name="action"/>; it is carried out in order with the session's other work.</summary>
    public void Request(LaunchAction action) => _actions.Writer.TryWrite(action);

    /// <summary>Runs the session until it ends (ConnectionEnded, or a failure and the connector's exit), <c>quit</c>, or <paramref name="limit"/>.</summary>
    public async Task<LaunchSummary> RunAsync(LaunchScript? script, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var json = failing ? ConfigurationFactory.Failing(target, Guid.NewGuid()) : ConfigurationFactory.Launchable(target, Guid.NewGuid());
        var configuration = ConnectionConfiguration.Parse(json.ToJsonString());
        var mask = new SecretMask(configuration.Secrets);
        var settings = new LauncherSettings();
        var launcher = new ReferenceLauncher(settings, TimeProvider.System, new OsConnectorProcessStarter(target.WorkingDirectory, target.Environment),
            new PollingProcessExitWatcher(TimeProvider.System, settings.ProcessPollInterval));
        var started = DateTimeOffset.UtcNow;
        await output.WriteLineAsync($"launch: the reference Launcher with {(failing ? "a failing" : "a launchable")} configuration for {string.Join(' ', target.Command)}");
        await using var session = await launcher.StartSessionAsync(configuration, target.Command, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"         pipe {session.PipeName}; connector process {session.Connector.ProcessId}");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var scripted = script is null ? Task.CompletedTask : PlayAsync(script, started, deadline.Token);
        var view = new JournalView(output, mask, schemas.Get(EventSchema), started);
        var loggedIn = false;
        string ended;
        while (true)
        {
            var journal = session.Session.Journal;
            await view.ShowNewAsync(journal.Entries).ConfigureAwait(false);
            if (!loggedIn && journal.OfType<TrackingStarted>().Count > 0)
            {
                // The appliance's side of a real login: the user's session is up once the remote window is.
                loggedIn = true;
                await session.Session.SimulateAsync(appliance => appliance.SetStates(new SessionStates(LoginState.Succeeded, SessionState.Running), "the user's session logged in (simulated)")).ConfigureAwait(false);
                continue;
            }

            if (_endRemoteClientOnceTracked && session.Session.Tracker.TrackedProcessId is not null)
            {
                _endRemoteClientOnceTracked = false;
                await EndRemoteClientAsync(session).ConfigureAwait(false);
                continue;
            }

            if (EndOf(session) is { } reason)
            {
                ended = reason;
                break;
            }

            var changed = journal.WaitUntilAsync(entries => entries.Count > view.Shown, TimeSpan.FromMilliseconds(250), deadline.Token);
            var action = _actions.Reader.WaitToReadAsync(deadline.Token).AsTask();
            try
            {
                await Task.WhenAny(changed, action).ConfigureAwait(false);
                if (deadline.IsCancellationRequested)
                {
                    ended = cancellationToken.IsCancellationRequested ? "stopped" : $"the {limit.TotalSeconds:0} s limit passed";
                    break;
                }

                if (_actions.Reader.TryRead(out var next) && await ActAsync(next, session).ConfigureAwait(false) is { } quit)
                {
                    ended = quit;
                    break;
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                ended = cancellationToken.IsCancellationRequested ? "stopped" : $"the {limit.TotalSeconds:0} s limit passed";
                break;
            }
        }

        await session.Session.WhenIdleAsync().ConfigureAwait(false);
        await view.ShowNewAsync(session.Session.Journal.Entries).ConfigureAwait(false);
        await deadline.CancelAsync().ConfigureAwait(false);
        await scripted.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        var states = session.Session.Appliance.States;
        return new LaunchSummary(
            ended,
            view.Lines,
            view.InvalidLines,
            session.Session.Appliance.Events.Select(posted => posted.Kind.ToString()).ToList(),
            $"login {StateNames.Of(states.Login)}, session {StateNames.Of(states.Session)}",
            DateTimeOffset.UtcNow - started);
    }

    private static string? EndOf(LaunchedSession session)
    {
        var events = session.Session.Appliance.Events.Select(posted => posted.Kind).ToList();
        if (events.Contains(SessionEventKind.ConnectionEnded))
        {
            return "the Launcher posted ConnectionEnded";
        }

        return events.Contains(SessionEventKind.ConnectionFailed) && session.Connector.Exited.IsCompleted
            ? "the connection failed and the connector exited"
            : null;
    }

    private async Task PlayAsync(LaunchScript script, DateTimeOffset started, CancellationToken cancellationToken)
    {
        foreach (var (at, action) in script.Steps)
        {
            var wait = started + at - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            Request(action);
        }
    }

    private async Task<string?> ActAsync(LaunchAction action, LaunchedSession session)
    {
        switch (action)
        {
            case LaunchAction.Quit:
                await output.WriteLineAsync("action: quit").ConfigureAwait(false);
                return "quit";
            case LaunchAction.ClosePipe:
                await output.WriteLineAsync("action: the Launcher closes the pipe (the session is aborted)").ConfigureAwait(false);
                await session.ClosePipeAsync().ConfigureAwait(false);
                return null;
            case LaunchAction.LogOff:
                await output.WriteLineAsync("action: the user's session logs off").ConfigureAwait(false);
                await session.Session.SimulateAsync(appliance => appliance.LogOff()).ConfigureAwait(false);
                return null;
            default:
                await EndRemoteClientAsync(session).ConfigureAwait(false);
                return null;
        }
    }

    private async Task EndRemoteClientAsync(LaunchedSession session)
    {
        if (session.Session.Tracker.TrackedProcessId is not { } tracked)
        {
            // A script cannot know when the window comes: the remote client is ended as soon as there is one.
            _endRemoteClientOnceTracked = true;
            await output.WriteLineAsync("action: end the remote client — none is tracked yet; it is ended once the connector reports it").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"action: end the remote client (process {tracked})")).ConfigureAwait(false);
        try
        {
            using var remote = System.Diagnostics.Process.GetProcessById(tracked);
            remote.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            await output.WriteLineAsync($"        it had already gone ({exception.Message})").ConfigureAwait(false);
        }
    }
}

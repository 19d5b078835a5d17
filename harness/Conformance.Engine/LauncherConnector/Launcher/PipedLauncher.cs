using Conformance.Engine.Running;
using Conformance.Protocols.Threading;
using Conformance.Protocols.LauncherConnector;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>
/// The reference Launcher with its real pipe and real connector processes, in real time: for what only the
/// transport and the operating system can show (LC-L02 to LC-L05, LC-L16). Disposing ends every session,
/// its pipe and its connector's process tree.
/// </summary>
internal sealed class PipedLauncher : IAsyncDisposable
{
    private readonly ScenarioContext _context;
    private readonly List<LaunchedSession> _sessions = [];
    private readonly List<Stream> _clients = [];
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private LauncherSession? _opening;

    /// <summary>Creates the driver for one scenario.</summary>
    public PipedLauncher(ScenarioContext context)
    {
        _context = context;
        Starter = new ObservingStarter(() => _opening?.Tracker.IsRunning == true);

        // Clients the scenario itself plays (an intruder, a scripted client) run in the harness's process.
        _context.Transcript.RegisterProcessId(Environment.ProcessId);
    }

    /// <summary>The Launcher's settings; change them before the first session.</summary>
    public LauncherSettings Settings { get; set; } = new();

    /// <summary>The starter, which records what the Launcher had done at each start.</summary>
    public ObservingStarter Starter { get; }

    /// <summary>The sessions started so far.</summary>
    public IReadOnlyList<LaunchedSession> Sessions => _sessions;

    /// <summary>The session started last.</summary>
    public LaunchedSession Current => _sessions.LastOrDefault() ?? throw new InvalidOperationException("No session has been started: a When step must start one.");

    /// <summary>Starts a session whose connector is <paramref name="command"/>.</summary>
    public async Task<LaunchedSession> StartSessionAsync(IReadOnlyList<string> command)
    {
        var configuration = SampleConfiguration.Create();
        _context.RegisterSecrets(configuration.Secrets);
        var launcher = new ReferenceLauncher(Settings, TimeProvider.System, Starter, new PollingProcessExitWatcher(TimeProvider.System, Settings.ProcessPollInterval));
        _opening = await launcher.OpenSessionAsync(configuration);
        var session = await launcher.LaunchConnectorAsync(_opening, command, _context.Cancellation);
        _sessions.Add(session);
        _context.Transcript.RegisterPipeName(session.PipeName);
        _context.Transcript.RegisterProcessId(session.Connector.ProcessId);
        return session;
    }

    /// <summary>The scripted clients connected so far, first first.</summary>
    public IReadOnlyList<Stream> Clients => _clients;

    /// <summary>Connects a scripted client to the current session's pipe; it stays open until the scenario ends.</summary>
    public async Task<Stream> ConnectClientAsync(TimeSpan bound)
    {
        var client = await Protocols.Transport.PipeClient.ConnectAsync(Current.PipeName, bound, _context.Cancellation);
        _clients.Add(client);
        return client;
    }

    /// <summary>The configuration of <paramref name="session"/>.</summary>
    public static ConnectionConfiguration ConfigurationOf(LaunchedSession session) => session.Session.Configuration;

    /// <inheritdoc />
    /// <remarks>Every client and session is released even when another fails or hangs; the failures are thrown together afterwards.</remarks>
    public async ValueTask DisposeAsync()
    {
        // The transcript shows the sessions as the steps left them, before ending them changes anything.
        var transcripts = _sessions.Select(session => (Func<ValueTask>)(async () =>
        {
            await session.Session.WhenIdleAsync().ConfigureAwait(false);
            JournalTranscript.Write(session.Session.Journal, _context.Transcript, _start);
        }));
        var clients = _clients.Select(client => (Func<ValueTask>)client.DisposeAsync);
        var sessions = _sessions.Select(session => (Func<ValueTask>)session.DisposeAsync);
        await Cleanup.RunAllAsync([.. transcripts, .. clients, .. sessions]).ConfigureAwait(false);
    }
}

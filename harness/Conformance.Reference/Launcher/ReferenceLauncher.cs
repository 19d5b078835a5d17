using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Transport;

namespace Conformance.Reference.Launcher;

/// <summary>
/// The reference Launcher with its real pipe: per session it posts ConnectionStarted, starts the tracker
/// and the pipe server, and only then starts the connector with the pipe's name in <c>VSI_IPC_PIPE_NAME</c>
/// (LC-L02, LC-L03); the first client from the connector's process tree owns the pipe (LC-L05, LC-L16).
/// </summary>
public sealed class ReferenceLauncher
{
    /// <summary>The variable that hands the pipe name to the connector.</summary>
    public const string PipeNameVariable = "VSI_IPC_PIPE_NAME";

    private readonly LauncherSettings _settings;
    private readonly TimeProvider _time;
    private readonly IConnectorProcessStarter _starter;
    private readonly IProcessExitWatcher _processExits;

    /// <summary>Creates a Launcher; each connector it starts is contained below a process host of its own.</summary>
    public ReferenceLauncher(LauncherSettings settings, TimeProvider time, IConnectorProcessStarter starter, IProcessExitWatcher processExits)
    {
        _settings = settings;
        _time = time;
        _starter = starter;
        _processExits = processExits;
    }

    /// <summary>Starts a session for <paramref name="configuration"/> with the connector <paramref name="connectorCommand"/>.</summary>
    public async Task<LaunchedSession> StartSessionAsync(
        ConnectionConfiguration configuration, IReadOnlyList<string> connectorCommand, CancellationToken cancellationToken)
    {
        var session = await OpenSessionAsync(configuration).ConfigureAwait(false);
        return await LaunchConnectorAsync(session, connectorCommand, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first half of a session's start: ConnectionStarted, and the tracker when configured (LC-L01, LC-L02).</summary>
    public async Task<LauncherSession> OpenSessionAsync(ConnectionConfiguration configuration)
    {
        var session = new LauncherSession(configuration, _settings, _time, _processExits);
        await session.StartAsync().ConfigureAwait(false);
        return session;
    }

    /// <summary>The second half: the pipe, then the connector with the pipe's name in its environment (LC-L02, LC-L03).</summary>
    public async Task<LaunchedSession> LaunchConnectorAsync(LauncherSession session, IReadOnlyList<string> connectorCommand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(connectorCommand);
        var pipeName = PipeName.NewUnique("vsi");
        StartedConnector? started = null; // null until the connector is started: a client before that cannot be it
        var server = PipeServer.Listen(pipeName, new PipeServerOptions
        {
            Admission = (client, _) => ValueTask.FromResult(Admit(client, Volatile.Read(ref started))),
            Refused = refusal => session.Journal.Add(new ClientRefused(_time.GetUtcNow(), refusal.Client, refusal.Reason)),
        });
        session.Journal.Add(new PipeListening(_time.GetUtcNow(), pipeName));

        // Clients are judged from the moment the pipe exists: one that comes before the connector is started
        // cannot be the connector (LC-L16), and is refused rather than left waiting.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = ServeAsync(session, server, stop.Token);
        StartedConnector connector;
        try
        {
            var environment = new Dictionary<string, string> { [PipeNameVariable] = pipeName };
            connector = await _starter.StartAsync(new ConnectorStartRequest(connectorCommand, environment), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
            await serving.ConfigureAwait(false);
            await session.DisposeAsync().ConfigureAwait(false);

            // Stryker disable once Statement : the source is already cancelled; disposing it only unlinks it from the caller's token, which nothing can observe
            stop.Dispose();
            throw;
        }

        Volatile.Write(ref started, connector);
        session.Journal.Add(new ConnectorProcessStarted(_time.GetUtcNow(), connector.ProcessId));
        return new LaunchedSession(session, pipeName, connector, server, serving, stop);
    }

    private AdmissionDecision Admit(PipeClientIdentity client, StartedConnector? started)
    {
        if (!_settings.VerifyClientProcess)
        {
            return AdmissionDecision.Admit("first client (client-process check off)");
        }

        var (relation, description) = ClientProcessCheck.Classify(client.ProcessId, started?.ProcessId, started is null ? null : started.Contains);
        return ClientProcessCheck.Belongs(relation) ? AdmissionDecision.Admit(description) : AdmissionDecision.Refuse(description);
    }

    private async Task ServeAsync(LauncherSession session, PipeServer server, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await server.AcceptFirstClientAsync(cancellationToken).ConfigureAwait(false);
            session.Journal.Add(new ClientAdmitted(_time.GetUtcNow(), connection.Client, connection.Admission));
            await session.ServeAsync(connection.Stream, cancellationToken).ConfigureAwait(false);
        }
        // Stryker disable once Logical : serving ends only by cancelling first (ClosePipeAsync, DisposeAsync), so an accept that fails on its own, the one case "||" would hide, cannot be caused from a test
        catch (Exception exception) when (cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The session was ended before a client came.
        }
    }
}

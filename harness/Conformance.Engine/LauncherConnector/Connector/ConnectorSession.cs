using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Situations;
using Conformance.Engine.Validation;
using Conformance.Processes;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Secrets;
using Conformance.Protocols.Threading;
using Conformance.Protocols.Transport;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The harness in the Launcher's place, facing a connector under test that runs as a real process: it makes
/// the pipe, starts the connector with the pipe's name, sends the configuration, records every line with its
/// defects and schema issues, ends the remote client after its lifetime, and keeps the process tree, its
/// output and its timings for the judges. <see cref="EndAsync"/> ends the process tree and the pipe; what was
/// recorded stays, and every scenario that shares the situation judges it.
/// </summary>
internal sealed partial class ConnectorSession : IRecorded, IAsyncDisposable
{
    private const string EventSchema = "launcher-connector/custom-connector-event";
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SchemaSet _schemas;
    private readonly CancellationToken _cancellation;
    private readonly Lock _gate = new();
    private readonly List<ReceivedLine> _lines = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _keepRemoteClient = new();
    private readonly ChangeSignal _changed = new();
    private readonly Lazy<Task> _ending;
    private PipeServer? _server;
    private PipeConnection? _connection;
    private Task _reading = Task.CompletedTask;
    private Task _remoteClientEnding = Task.CompletedTask;
    private bool _remoteClientEndScheduled;

    /// <summary>Creates the driver for one run of the connector with <paramref name="configuration"/>, recording into <paramref name="recording"/>.</summary>
    public ConnectorSession(Recording recording, ConnectorTarget target, SchemaSet schemas, JsonObject configuration, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Recording = recording;
        Target = target;
        Configuration = configuration;
        NamedSecrets = ConfigurationFactory.SecretsOf(configuration);
        recording.RegisterSecrets(Secrets);
        _schemas = schemas;
        _cancellation = cancellation;
        _ending = new Lazy<Task>(EndOnceAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public Recording Recording { get; }

    /// <summary>The connector under test.</summary>
    public ConnectorTarget Target { get; }

    /// <summary>The configuration sent (or to be sent).</summary>
    public JsonObject Configuration { get; }

    /// <summary>The secrets in the configuration, with the members they came from.</summary>
    public IReadOnlyList<NamedSecret> NamedSecrets { get; }

    /// <summary>The secret values in the configuration.</summary>
    public IReadOnlyList<string> Secrets => NamedSecrets.Select(secret => secret.Value).ToList();

    /// <summary>Cancelled when the run's own bound passes.</summary>
    public CancellationToken Cancellation => _cancellation;

    /// <summary>The bare pipe name handed over; null when started without one (LC-C13).</summary>
    public string? PipeName { get; private set; }

    /// <summary>The connector's process; null when it was never started.</summary>
    public SupervisedProcess? Process { get; private set; }

    /// <summary>When the connector connected, from its start; null if it did not.</summary>
    public TimeSpan? ConnectedAt { get; private set; }

    /// <summary>True once the connector connected and received its configuration.</summary>
    public bool Connected => ConnectedAt is not null;

    /// <summary>When the connector's end of the pipe closed, from its start.</summary>
    public TimeSpan? PipeClosedAt { get; private set; }

    /// <summary>When the harness closed the pipe itself (LC-C11).</summary>
    public TimeSpan? ClosedByLauncherAt { get; private set; }

    /// <summary>When the harness ended the remote client (LC-C07).</summary>
    public TimeSpan? RemoteClientEndedAt { get; private set; }

    /// <summary>When the run ended and the harness ended what was still running, from the connector's start.</summary>
    public TimeSpan? EndedAt { get; private set; }

    /// <summary>CPU time of the connector's tree when the harness closed the pipe (LC-C11).</summary>
    public TimeSpan? CpuAtHangUp { get; private set; }

    /// <summary>CPU time of the connector's tree when the act ended it, or when it exited (LC-C11).</summary>
    public TimeSpan? CpuAtEnd { get; private set; }

    /// <summary>Why the connection did not come, when it did not.</summary>
    public string? ConnectFailure { get; private set; }

    /// <summary>The lines received so far.</summary>
    public IReadOnlyList<ReceivedLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>The valid events received so far.</summary>
    public IReadOnlyList<CustomConnectorEvent> Events => Lines.Select(line => line.Event).OfType<CustomConnectorEvent>().ToList();

    /// <summary>Time since the connector was started.</summary>
    public TimeSpan Elapsed => Process is null ? TimeSpan.Zero : DateTimeOffset.UtcNow - Process.StartedAt;

    /// <summary>The first final event (RemoteConnectionWindowClosed or RemoteConnectionFailure), if any.</summary>
    public ReceivedLine? FinalLine => Lines.FirstOrDefault(line => line.Event?.IsFinal == true);

    /// <summary>True once the connector's end of the pipe has closed.</summary>
    public bool PipeClosed => PipeClosedAt is not null;

    /// <summary>True once the connector's process has exited of its own accord.</summary>
    public bool Exited => Process?.Exited.IsCompleted == true;

    /// <summary>Records that the connector was not started, and why (an earlier run showed it never connects).</summary>
    public void NotStarted(string reason)
    {
        ConnectFailure = reason;
        Recording.Transcript.Add("not-started", new JsonObject { ["reason"] = reason });
    }

    /// <summary>Starts the connector, handing it a fresh pipe unless <paramref name="withPipe"/> is false (LC-C13).</summary>
    /// <exception cref="ProcessStartException">It could not be started.</exception>
    public async Task StartAsync(bool withPipe = true)
    {
        var watched = Secrets.SelectMany(SecretEncodings.Variants).Distinct(StringComparer.Ordinal).ToList();

        var environment = Target.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        if (withPipe)
        {
            PipeName = Protocols.Transport.PipeName.NewUnique("lc");
            Recording.Transcript.RegisterPipeName(PipeName);
            _server = PipeServer.Listen(PipeName, new PipeServerOptions { Admission = NoteRelation });
            environment[ReferenceLauncher.PipeNameVariable] = PipeName;
        }
        else
        {
            environment[ReferenceLauncher.PipeNameVariable] = null;
        }

        Process = await SupervisedProcess.StartAsync(new ProcessLaunch(Target.Command, Target.WorkingDirectory, environment, watched), _cancellation).ConfigureAwait(false);
        Recording.Transcript.RegisterProcessId(Process.ProcessId);
        Recording.Transcript.Add("connector-started", new JsonObject { ["pipe"] = withPipe ? "VSI_IPC_PIPE_NAME" : "none" });
        _ = Process.Exited.ContinueWith(_ => Signal(), TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for the connector to connect, at most the connect deadline, and sends it the configuration.
    /// Returns false, with <see cref="ConnectFailure"/> set, when it did not connect — at once when it exits first.
    /// </summary>
    public async Task<bool> ConnectAsync()
    {
        var server = _server ?? throw new InvalidOperationException("Start the connector with a pipe first.");
        var process = Process!;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_cancellation, _stop.Token);
        deadline.CancelAfter(Target.Timeouts.Connect);
        var accept = server.AcceptFirstClientAsync(deadline.Token);
        var first = await Task.WhenAny(accept, process.Exited).ConfigureAwait(false);
        if (first != accept || !accept.IsCompletedSuccessfully)
        {
            ConnectFailure = process.Exited.IsCompleted
                ? $"the connector exited with code {process.Exited.Result} after {Seconds(Elapsed)} without connecting"
                : $"the connector did not connect within {Seconds(Target.Timeouts.Connect)}";
            Recording.Waited(new RecordedWait("the connector to connect", waited.Elapsed, Target.Timeouts.Connect, Met: false));
            await deadline.CancelAsync().ConfigureAwait(false);
            await accept.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            Recording.Transcript.Add("no-connection", new JsonObject { ["reason"] = ConnectFailure });
            return false;
        }

        Recording.Waited(new RecordedWait("the connector to connect", waited.Elapsed, Target.Timeouts.Connect, Met: true));
        _connection = await accept.ConfigureAwait(false);
        ConnectedAt = Elapsed;
        var line = Configuration.ToJsonString(Compact);
        Recording.Transcript.Add("connected");
        await _connection.Stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), _cancellation).ConfigureAwait(false);
        await _connection.Stream.FlushAsync(_cancellation).ConfigureAwait(false);
        Recording.Transcript.Add("sent", new JsonObject { ["line"] = JsonNode.Parse(line) });
        _reading = ReadAsync(_connection.Stream);
        Signal();
        return true;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, at most <paramref name="bound"/>, and records the wait
    /// as waiting for <paramref name="what"/>; true when the condition holds.
    /// </summary>
    public async Task<bool> WaitUntilAsync(Func<ConnectorSession, bool> condition, TimeSpan bound, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var met = await _changed.WaitUntilAsync(() => condition(this), bound, _cancellation).ConfigureAwait(false);
        Recording.Waited(new RecordedWait(what, waited.Elapsed, bound, met));
        return met;
    }

    /// <summary>Records an observation that changes no outcome.</summary>
    public void Note(string note) => Recording.Note(note);

    /// <summary>Closes the Launcher's end of the pipe, as an aborted session does (LC-C11).</summary>
    public async Task CloseFromLauncherAsync()
    {
        // An aborted session: what the connector does with its remote client is its own affair from now on,
        // and the harness ending that client would blur what LC-C11 judges.
        await _keepRemoteClient.CancelAsync().ConfigureAwait(false);
        CpuAtHangUp = Process?.CpuTime();
        ClosedByLauncherAt = Elapsed;
        Recording.Transcript.Add("launcher-closed-pipe");
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends the run: the remote client's timer, the process tree (every process it started, however it
    /// detached), the pipe and the reading; then attaches the output. What was recorded stays readable.
    /// </summary>
    public Task EndAsync() => _ending.Value;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await EndAsync().ConfigureAwait(false);
        }
        finally
        {
            _stop.Dispose();
            _keepRemoteClient.Dispose();
        }
    }

    private async Task EndOnceAsync()
    {
        await Cleanup.RunAllAsync(
            async () =>
            {
                await _stop.CancelAsync().ConfigureAwait(false);
                await _remoteClientEnding.ConfigureAwait(false);
            },
            async () =>
            {
                if (Process is not { } process)
                {
                    return;
                }

                CpuAtEnd = process.CpuTime();
                EndedAt = Elapsed;

                // Only an exit of its own belongs in the transcript; the harness ending the tree is not the connector's doing.
                if (process.Exited.IsCompletedSuccessfully)
                {
                    Recording.Transcript.Add("connector-exited", new JsonObject { ["exitCode"] = process.Exited.Result });
                }

                var exitedOnItsOwn = process.Exited.IsCompletedSuccessfully;
                await process.DisposeAsync().ConfigureAwait(false);
                if (exitedOnItsOwn && process.ProcessesEnded is > 0 and var left)
                {
                    Recording.Note($"the connector exited but left {left} {(left == 1 ? "process" : "processes")} running; the harness ended {(left == 1 ? "it" : "them")}");
                }

                Recording.Attach("standard output", process.StandardOutput.Text);
                Recording.Attach("standard error", process.StandardError.Text);
            },
            async () =>
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync().ConfigureAwait(false);
                }
            },
            async () =>
            {
                if (_server is not null)
                {
                    await _server.DisposeAsync().ConfigureAwait(false);
                }
            },
            () => new ValueTask(_reading));
    }

    private ValueTask<AdmissionDecision> NoteRelation(PipeClientIdentity client, CancellationToken cancellationToken)
    {
        // Under certification the client-process check only informs (LC-L16 binds the Launcher, not the connector).
        var process = Process;
        var (_, description) = ClientProcessCheck.Classify(client.ProcessId, process?.ProcessId, process is null ? null : process.Contains);
        Recording.Note($"pipe client: {description}");
        return ValueTask.FromResult(AdmissionDecision.Admit(description));
    }

    private void Signal() => _changed.Notify();

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Processes;
using Conformance.Engine.Running;
using Conformance.Engine.Validation;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Protocols.Processes;
using Conformance.Protocols.Secrets;
using Conformance.Protocols.Threading;
using Conformance.Protocols.Transport;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The harness in the Launcher's place, facing a connector under test that runs as a real process: it makes
/// the pipe, starts the connector with the pipe's name, sends the configuration, records every line with its
/// defects and schema issues, ends the remote client after its lifetime, and keeps the process tree, its
/// output and its timings for the judges. Disposing ends the process tree and the pipe.
/// </summary>
public sealed partial class ConnectorSession : IAsyncDisposable
{
    private const string EventSchema = "launcher-connector/custom-connector-event";
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ScenarioContext _context;
    private readonly SchemaSet _schemas;
    private readonly Lock _gate = new();
    private readonly List<ReceivedLine> _lines = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ChangeSignal _changed = new();
    private PipeServer? _server;
    private PipeConnection? _connection;
    private Task? _reading;
    private bool _remoteClientEnded;
    private bool _disposed;

    /// <summary>Creates the driver for one scenario.</summary>
    public ConnectorSession(ScenarioContext context, ConnectorTarget target, SchemaSet schemas)
    {
        _context = context;
        Target = target;
        _schemas = schemas;
    }

    /// <summary>The connector under test.</summary>
    public ConnectorTarget Target { get; }

    /// <summary>The configuration sent (or to be sent).</summary>
    public JsonObject? Configuration { get; private set; }

    /// <summary>The secrets in the configuration.</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    /// <summary>The bare pipe name handed over; null when started without one (LC-C13).</summary>
    public string? PipeName { get; private set; }

    /// <summary>The connector's process.</summary>
    public SupervisedProcess? Process { get; private set; }

    /// <summary>When the connector connected, from its start; null if it did not.</summary>
    public TimeSpan? ConnectedAt { get; private set; }

    /// <summary>When the connector's end of the pipe closed, from its start.</summary>
    public TimeSpan? PipeClosedAt { get; private set; }

    /// <summary>When the harness closed the pipe itself (LC-C11).</summary>
    public TimeSpan? ClosedByLauncherAt { get; private set; }

    /// <summary>When the harness ended the remote client (LC-C07).</summary>
    public TimeSpan? RemoteClientEndedAt { get; private set; }

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

    /// <summary>Starts the connector, handing it a fresh pipe unless <paramref name="withPipe"/> is false (LC-C13).</summary>
    public void Start(JsonObject configuration, bool withPipe = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        Secrets = ConfigurationFactory.SecretsOf(configuration);
        _context.RegisterSecrets(Secrets);
        var watched = Secrets.SelectMany(SecretEncodings.Variants).Distinct(StringComparer.Ordinal).ToList();

        var environment = Target.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        KeyValuePair<string, string>? marker = null;
        if (withPipe)
        {
            PipeName = Protocols.Transport.PipeName.NewUnique("lc");
            _context.Transcript.RegisterPipeName(PipeName);
            _server = PipeServer.Listen(PipeName, new PipeServerOptions { Admission = NoteRelation });
            environment[ReferenceLauncher.PipeNameVariable] = PipeName;
            marker = new KeyValuePair<string, string>(ReferenceLauncher.PipeNameVariable, PipeName);
        }
        else
        {
            environment[ReferenceLauncher.PipeNameVariable] = null;
        }

        Process = SupervisedProcess.Start(new ProcessLaunch(Target.Command, Target.WorkingDirectory, environment, marker, watched));
        _context.Transcript.RegisterProcessId(Process.ProcessId);
        _context.Transcript.Add("connector-started", new JsonObject { ["pipe"] = withPipe ? "VSI_IPC_PIPE_NAME" : "none" });
        _ = Process.Exited.ContinueWith(_ => Signal(), TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for the connector to connect, at most the connect deadline, and sends it the configuration.
    /// Returns false, with <see cref="ConnectFailure"/> set, when it did not connect.
    /// </summary>
    public async Task<bool> ConnectAsync()
    {
        var server = _server ?? throw new InvalidOperationException("Start the connector with a pipe first.");
        var process = Process!;
        var accept = server.AcceptFirstClientAsync(_stop.Token);
        var deadline = Task.Delay(Target.Timeouts.Connect, _context.Cancellation);
        var first = await Task.WhenAny(accept, process.Exited, deadline).ConfigureAwait(false);
        if (first != accept)
        {
            ConnectFailure = first == process.Exited
                ? $"the connector exited with code {process.Exited.Result} after {Seconds(Elapsed)} without connecting"
                : $"the connector did not connect within {Seconds(Target.Timeouts.Connect)}";
            await _stop.CancelAsync().ConfigureAwait(false);
            _context.Transcript.Add("no-connection", new JsonObject { ["reason"] = ConnectFailure });
            return false;
        }

        _connection = await accept.ConfigureAwait(false);
        ConnectedAt = Elapsed;
        var line = Configuration!.ToJsonString(Compact);
        _context.Transcript.Add("connected");
        await _connection.Stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), _context.Cancellation).ConfigureAwait(false);
        await _connection.Stream.FlushAsync(_context.Cancellation).ConfigureAwait(false);
        _context.Transcript.Add("sent", new JsonObject { ["line"] = JsonNode.Parse(line) });
        _reading = ReadAsync(_connection.Stream);
        Signal();
        return true;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="bound"/>; true when it does.</summary>
    public Task<bool> WaitUntilAsync(Func<ConnectorSession, bool> condition, TimeSpan bound) =>
        _changed.WaitUntilAsync(() => condition(this), bound, _context.Cancellation);

    /// <summary>Records an observation that changes no outcome.</summary>
    public void Note(string note) => _context.Note(note);

    /// <summary>True once the connector's end of the pipe has closed.</summary>
    public bool PipeClosed => PipeClosedAt is not null;

    /// <summary>True once the connector's process has exited.</summary>
    public bool Exited => Process?.Exited.IsCompleted == true;

    /// <summary>Closes the Launcher's end of the pipe, as an aborted session does (LC-C11).</summary>
    public async Task CloseFromLauncherAsync()
    {
        ClosedByLauncherAt = Elapsed;
        _context.Transcript.Add("launcher-closed-pipe");
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (Process is not null)
        {
            // Only an exit of its own belongs in the transcript; the harness ending the tree is not the connector's doing.
            if (Process.Exited.IsCompleted)
            {
                _context.Transcript.Add("connector-exited", new JsonObject { ["exitCode"] = Process.Exited.Result });
            }

            await Process.DisposeAsync().ConfigureAwait(false);
            _context.Attach("standard output", Process.StandardOutput.Text);
            _context.Attach("standard error", Process.StandardError.Text);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        if (_reading is not null)
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private ValueTask<AdmissionDecision> NoteRelation(PipeClientIdentity client, CancellationToken cancellationToken)
    {
        // Under certification the client-process check only informs (LC-L16 binds the Launcher, not the connector).
        var started = Process?.ProcessId;
        var (_, description) = ClientProcessCheck.Classify(client.ProcessId, started, Environment.ProcessId,
            new KeyValuePair<string, string>(ReferenceLauncher.PipeNameVariable, PipeName!));
        _context.Note($"pipe client: {description}");
        return ValueTask.FromResult(AdmissionDecision.Admit(description));
    }

    private void Signal() => _changed.Notify();

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";
}

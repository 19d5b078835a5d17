using System.Text;
using Conformance.Engine.Running;
using Conformance.Engine.Timing;
using Conformance.Engine.Validation;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>
/// The reference Launcher's session under a manual clock, its connector scripted: the scenario writes
/// exactly the bytes its steps say into an in-memory pipe, and moves the clock itself. Each step returns
/// once the Launcher has handled everything it caused, so what follows is judged on a settled session.
/// </summary>
internal sealed class ScriptedLauncherSession(ScenarioContext context, SchemaSet schemas) : IAsyncDisposable
{
    /// <summary>How long a step may wait for the Launcher to handle what it sent (real time, a safety bound).</summary>
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private DuplexStream? _connectorEnd;
    private Task? _serving;
    private LineReader? _connectorReader;
    private int _linesSent;

    /// <summary>The scenario's clock.</summary>
    public ManualTimeProvider Clock { get; } = new();

    /// <summary>The processes the scenario's steps start and end.</summary>
    public SimulatedProcesses Processes { get; } = new();

    /// <summary>The Launcher's settings; change them before <see cref="StartAsync"/>.</summary>
    public LauncherSettings Settings { get; set; } = new();

    /// <summary>The session, once started.</summary>
    public LauncherSession Session => _session ?? throw new InvalidOperationException("No Launcher session has started: a Given step must start one.");

    private LauncherSession? _session;

    /// <summary>The configuration the session sends.</summary>
    public ConnectionConfiguration Configuration { get; } = SampleConfiguration.Create();

    /// <summary>The first line the scripted connector read, once it connected.</summary>
    public LineReadResult? FirstLineReceived { get; private set; }

    /// <summary>Starts a session; when <paramref name="connectorUsesPipe"/>, the scripted connector connects and reads the first line.</summary>
    public async Task StartAsync(bool connectorUsesPipe)
    {
        context.RegisterSecrets(Configuration.Secrets);
        context.Transcript.UseClock(() => Clock.Elapsed);
        _session = new LauncherSession(Configuration, Settings, Clock, Processes);
        Clock.AddQuietProbe(_session.WhenIdleAsync);
        await _session.StartAsync();
        if (!connectorUsesPipe)
        {
            return;
        }

        var (launcherEnd, connectorEnd) = DuplexStream.CreatePair();
        _connectorEnd = connectorEnd;
        _serving = _session.ServeAsync(launcherEnd, _stop.Token);
        _connectorReader = new LineReader(connectorEnd);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        bound.CancelAfter(SettleBound);
        FirstLineReceived = await _connectorReader.ReadLineAsync(bound.Token);
        ValidateConfiguration();
    }

    /// <summary>The scripted connector writes <paramref name="bytes"/>, holding <paramref name="lines"/> line ends; returns once the Launcher handled them.</summary>
    public async Task SendAsync(byte[] bytes, int lines)
    {
        var connector = _connectorEnd ?? throw new InvalidOperationException("The connector is not connected in this scenario.");
        await connector.WriteAsync(bytes, context.Cancellation);
        await connector.FlushAsync(context.Cancellation);
        _linesSent += lines;
        await SettleAsync(entries => entries.OfType<LineReceived>().Count() >= _linesSent);
    }

    /// <summary>The scripted connector writes one line of text and its LF.</summary>
    public Task SendLineAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\n"), 1);

    /// <summary>The scripted connector sends an event.</summary>
    public Task SendEventAsync(CustomConnectorEvent connectorEvent) => SendLineAsync(connectorEvent.ToJsonLine());

    /// <summary>The scripted connector closes its end; returns once the Launcher saw the pipe close.</summary>
    public async Task CloseConnectorEndAsync()
    {
        var connector = _connectorEnd ?? throw new InvalidOperationException("The connector is not connected in this scenario.");
        await connector.CompleteWritingAsync();
        await SettleAsync(entries => entries.OfType<PipeClosed>().Any());
    }

    /// <summary>Moves the clock, firing whatever falls due, and waits for the session to settle.</summary>
    public Task AdvanceAsync(TimeSpan delta) => Clock.AdvanceAsync(delta);

    /// <summary>Ends a simulated process and waits for the session to settle.</summary>
    public async Task ExitProcessAsync(int processId)
    {
        Processes.Exit(processId);
        await Session.WhenIdleAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The transcript shows the session as the steps left it (settled), before tearing it down adds to it.
        if (_session is not null)
        {
            await _session.WhenIdleAsync().WaitAsync(SettleBound);
            foreach (var fault in _session.Journal.OfType<LauncherFault>())
            {
                context.ViolateScenarioRequirements("the reference Launcher handles every input", fault.Error);
            }

            JournalTranscript.Write(_session.Journal, context.Transcript, Clock.Start);
        }

        await _stop.CancelAsync();
        if (_connectorEnd is not null)
        {
            await _connectorEnd.DisposeAsync();
        }

        if (_serving is not null)
        {
            await _serving.WaitAsync(SettleBound);
        }

        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task SettleAsync(Func<IReadOnlyList<LauncherJournalEntry>, bool> condition)
    {
        if (!await Session.Journal.WaitUntilAsync(condition, SettleBound, context.Cancellation))
        {
            throw new TimeoutException($"The Launcher did not handle what the connector sent within {SettleBound.TotalSeconds} s.");
        }

        await Session.WhenIdleAsync();
    }

    private void ValidateConfiguration()
    {
        // The harness validates every message, the reference's own included (LC-L04).
        if (FirstLineReceived?.Text is not { } text)
        {
            return;
        }

        foreach (var issue in schemas.Get("launcher-connector/connection-configuration").Validate(text))
        {
            context.Violate("LC-L04", "the first line satisfies the ConnectionConfiguration schema", issue.ToString());
        }
    }
}

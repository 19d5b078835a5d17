using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Situations;
using Conformance.Engine.Validation;
using Conformance.Processes;
using Conformance.Protocols.PipeMessaging;
using Conformance.Protocols.Threading;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>
/// The harness facing an executable under test in real time, for one act: it makes the pipes, starts the
/// executable with their names (DESIGN's contract), waits until a server is ready or accepts a client's
/// connections, and opens or takes connections as the act's script says. Disposing ends every connection and
/// the process tree, and keeps the wire logs and the process's output in the recording. The transcript holds
/// the script's own steps, which do not vary from run to run; the full wire log is attached beside it.
/// </summary>
internal sealed class LiveStage : IAsyncDisposable
{
    /// <summary>How the harness's clients retry a pipe that is busy: briefly, since a conformant server is quick to free it.</summary>
    /// <summary>The longest a script waits for other executables to finish starting before it begins anyway.</summary>
    private static readonly TimeSpan LullBound = TimeSpan.FromSeconds(5);

    private static readonly RetryPolicy ShortRetry = new() { FirstInterval = TimeSpan.FromMilliseconds(20), MaxInterval = TimeSpan.FromMilliseconds(200), TotalWait = TimeSpan.FromSeconds(3) };

    private readonly LiveRun _run;
    private readonly SchemaSet _schemas;
    private readonly CancellationToken _cancellation;
    private SupervisedProcess? _process;
    private PipeListener? _listener;
    private readonly List<PipeConnection> _connections = [];
    private readonly CancellationTokenSource _stopProbe = new();
    private Task _lagProbe = Task.CompletedTask;
    private int _emitters;

    public LiveStage(LiveRun run, SchemaSet schemas, CancellationToken cancellation)
    {
        _run = run;
        _schemas = schemas;
        _cancellation = cancellation;
        var role = run.Target.Role;
        CommandPipe = role is PipeRoles.EventPipeService or PipeRoles.CommandPipeServer or PipeRoles.CommandPipeClient ? PipeName.NewUnique("pmc") : null;
        EventPipe = role is PipeRoles.EventPipeService or PipeRoles.EventPipeClient ? PipeName.NewUnique("pme") : null;
        foreach (var pipe in new[] { CommandPipe, EventPipe }.OfType<string>())
        {
            run.Recording.Transcript.RegisterPipeName(pipe);
        }
    }

    /// <summary>The run being recorded.</summary>
    public LiveRun Run => _run;

    /// <summary>The deadlines and tolerance the executable is held to.</summary>
    public PipeRoleTarget Target => _run.Target;

    /// <summary>The act's cancellation.</summary>
    public CancellationToken Cancellation => _cancellation;

    /// <summary>The command pipe, for roles that have one.</summary>
    public string? CommandPipe { get; }

    /// <summary>The event pipe, for roles that have one.</summary>
    public string? EventPipe { get; }

    /// <summary>Time since the act started.</summary>
    public TimeSpan Now => _run.Origin.Elapsed;

    /// <summary>
    /// Starts the executable; a client's pipe listens before it starts. For a server, waits until its pipes accept
    /// connections (readySeconds); false, with <see cref="LiveRun.Missing"/> set, when it never became ready.
    /// </summary>
    public async Task<bool> StartAsync()
    {
        _lagProbe = ProbeLagAsync();
        var serves = PipeRoles.Serves(Target.Role);
        if (!serves)
        {
            // A client's pipe is there before it starts; every connection it makes is taken, so reconnections show.
            _listener = PipeListener.Listen((CommandPipe ?? EventPipe)!, new PipeListenerOptions { MaxInstances = 8, WhenBusy = PipeBusyPolicy.Backlog });
        }

        var single = EventPipe ?? CommandPipe!;
        var environment = Target.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        environment["CONFORMANCE_PIPE_NAME"] = single;
        environment["CONFORMANCE_COMMAND_PIPE_NAME"] = CommandPipe;
        environment["CONFORMANCE_EVENT_PIPE_NAME"] = EventPipe;
        var command = Target.Command.Select(part => part
            .Replace("{command-pipe}", CommandPipe ?? "", StringComparison.Ordinal)
            .Replace("{event-pipe}", EventPipe ?? "", StringComparison.Ordinal)
            .Replace("{pipe}", single, StringComparison.Ordinal)).ToList();
        // A service or server under test listens on the pipes it is handed; for a client, the harness does.
        IReadOnlyList<string> served = serves ? [.. new[] { CommandPipe, EventPipe }.OfType<string>()] : [];
        _process = await SupervisedProcess.StartAsync(new ProcessLaunch(command, Target.WorkingDirectory, environment, PipesItServes: served), _cancellation).ConfigureAwait(false);
        _run.Recording.Transcript.RegisterProcessId(_process.ProcessId);
        _ = _process.Exited.ContinueWith(
            exited =>
            {
                if (!_process.EndedByHarness)
                {
                    _run.ExitCode = exited.Result;
                    _run.ExitedAt = Now;
                }
            },
            TaskScheduler.Default);
        Step("started", new JsonObject { ["role"] = Target.Role });
        if (!serves)
        {
            return true;
        }

        var ready = Target.Timeout(TimeoutNames.Ready);
        var pipes = new[] { EventPipe, CommandPipe }.OfType<string>().ToList();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!pipes.All(PipeProbe.IsAcceptingConnections))
        {
            if (waited.Elapsed > ready || _process.Exited.IsCompleted)
            {
                var missing = pipes.Where(pipe => !PipeProbe.IsAcceptingConnections(pipe)).Select(pipe => pipe == EventPipe ? "event pipe" : "command pipe").ToList();
                if (missing.Count == 0 && !_process.Exited.IsCompleted)
                {
                    break;
                }

                _run.Missing = _process.Exited.IsCompleted
                    ? $"the {Target.Role} exited with code {await _process.Exited.ConfigureAwait(false)} before its {string.Join(" and ", missing)} accepted a connection"
                    : $"the {Target.Role}'s {string.Join(" and ", missing)} did not accept connections within readySeconds ({ready.TotalSeconds:0.###} s)";
                _run.Recording.Waited(new RecordedWait($"the {Target.Role} to be ready", waited.Elapsed, ready, Met: false));
                Step("not-ready", new JsonObject { ["reason"] = "see the scenario's reason" });
                return false;
            }

            await poll.WaitForNextTickAsync(_cancellation).ConfigureAwait(false);
        }

        _run.Recording.Waited(new RecordedWait($"the {Target.Role} to be ready", waited.Elapsed, ready, Met: true));
        _process.MarkReady();

        // The script times the server from here: it begins once the other executables of the run have started up,
        // so that their start does not crowd the machine while the harness plays and times this one.
        var lull = await StartupLull.Shared.WaitAsync(LullBound, _cancellation).ConfigureAwait(false);
        if (lull > TimeSpan.FromMilliseconds(50))
        {
            _run.Recording.Waited(new RecordedWait("the run's other executables to start up", lull, LullBound, Met: lull < LullBound));
        }

        // Nothing was timed yet: the harness's lag counts from here.
        _run.HarnessLag = TimeSpan.Zero;

        return true;
    }

    /// <summary>A client named <paramref name="name"/> connects to <paramref name="pipe"/>, retrying a busy pipe briefly; null when it could not.</summary>
    public async Task<FramePeer?> ConnectAsync(string name, string pipe)
    {
        Stream stream;
        try
        {
            stream = await PipeClient.ConnectWithRetryAsync(pipe, ShortRetry, _cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or UnauthorizedAccessException)
        {
            Step("connect-failed", new JsonObject { ["client"] = name });
            return null;
        }

        return Open(name, stream);
    }

    /// <summary>A client named <paramref name="name"/> tries <paramref name="pipe"/> once: the connection, or null when refused at once.</summary>
    public async Task<FramePeer?> TryConnectOnceAsync(string name, string pipe)
    {
        var (stream, _) = await PipeClient.TryConnectOnceAsync(pipe, _cancellation).ConfigureAwait(false);
        if (stream is null)
        {
            Step("refused", new JsonObject { ["client"] = name });
            return null;
        }

        return Open(name, stream);
    }

    /// <summary>Takes the next connection the client under test makes, named <paramref name="name"/>; null when none came within <paramref name="bound"/>.</summary>
    public async Task<FramePeer?> AcceptAsync(string name, TimeSpan bound)
    {
        var listener = _listener ?? throw new InvalidOperationException("Only a client under test connects to the harness.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        limit.CancelAfter(bound);
        var exited = _process!.Exited;
        var accept = listener.AcceptAsync(limit.Token);
        var first = await Task.WhenAny(accept, exited).ConfigureAwait(false);
        if (first != accept)
        {
            await limit.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            var connection = await accept.ConfigureAwait(false);
            _process.MarkReady();
            _connections.Add(connection);
            return Open(name, connection.Stream);
        }
        catch (OperationCanceledException) when (!_cancellation.IsCancellationRequested)
        {
            Step("no-connection", new JsonObject { ["connection"] = name });
            return null;
        }
    }

    /// <summary>
    /// Asks the service for an event labelled <paramref name="label"/> with a Conformance.EmitEvent request on its command
    /// pipe. False, with <see cref="LiveRun.Missing"/> set, when the service does not support it.
    /// </summary>
    public async Task<bool> EmitAsync(string eventType, string label)
    {
        var emitter = await ConnectAsync($"emitter {++_emitters}", CommandPipe!).ConfigureAwait(false);
        if (emitter is null)
        {
            _run.Missing = "the service's command pipe did not accept the Conformance.EmitEvent request";
            return false;
        }

        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["label"] = label });
        var request = new EmitEventParameters(eventType, payload).ToRequest(Guid.NewGuid());
        await emitter.SendAsync(request, cancellationToken: _cancellation).ConfigureAwait(false);
        var answer = await emitter.WaitForAsync(message => message is Response, TimeSpan.FromSeconds(5), cancellationToken: _cancellation).ConfigureAwait(false);
        await emitter.DisposeAsync().ConfigureAwait(false);
        if (answer?.Message is not Response { Status: ResponseStatus.Success } response || response.RequestId != request.RequestId)
        {
            var why = answer?.Message is Response { Status: ResponseStatus.Error, Error: var error } ? $"it answered Error: {error}" : "it gave no Success response";
            _run.Missing = $"the service does not emit events on request (Conformance.EmitEvent): {why}";
            Step("emit-refused", new JsonObject { ["event"] = label });
            return false;
        }

        if (response.Result is { ValueKind: JsonValueKind.Object } result && result.TryGetProperty("eventId", out var id) && Guid.TryParse(id.GetString(), out var eventId))
        {
            _run.Emitted(label, eventId);
        }

        _run.MarkAt($"emitted {label}", Now);
        Step("emitted", new JsonObject { ["eventType"] = eventType, ["event"] = label });
        return true;
    }

    /// <summary>Marks the present moment as <paramref name="name"/>, for the judges.</summary>
    public void Mark(string name) => _run.MarkAt(name, Now);

    /// <summary>Marks <paramref name="at"/> as <paramref name="name"/>: the moment a frame arrived, rather than when the script woke to it.</summary>
    public void MarkAt(string name, TimeSpan at) => _run.MarkAt(name, at);

    /// <summary>Waits <paramref name="span"/> of real time, as the script says (a deadline being tested, not a condition).</summary>
    public Task PauseAsync(TimeSpan span) => Task.Delay(span, _cancellation);

    /// <summary>Adds one of the script's own steps to the transcript.</summary>
    public void Step(string kind, JsonObject? fields = null) => _run.Recording.Transcript.Add(kind, fields);

    /// <summary>Waits, at most <paramref name="bound"/>, for the client under test to exit of its own accord; true when it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan bound)
    {
        var process = _process!;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var exited = await Task.WhenAny(process.Exited, Task.Delay(bound, _cancellation)).ConfigureAwait(false) == process.Exited;
        _run.Recording.Waited(new RecordedWait("the client to exit", waited.Elapsed, bound, exited));
        return exited;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopProbe.CancelAsync().ConfigureAwait(false);
        await _lagProbe.ConfigureAwait(false);
        _stopProbe.Dispose();
        if (_run.HarnessLag > Target.Tolerance.Late)
        {
            _run.Recording.MarkUnsteady($"the harness's own timers ran up to {_run.HarnessLag.TotalMilliseconds:0} ms late, more than the {Target.Tolerance.Late.TotalMilliseconds:0} ms tolerance its timings are judged with");
        }

        if (_run.HarnessLag > TimeSpan.FromMilliseconds(50))
        {
            _run.Recording.Note($"the harness's own timers ran up to {_run.HarnessLag.TotalMilliseconds:0} ms late during this run (a busy machine); timings were judged with tolerances widened by {_run.Widening.TotalMilliseconds:0} ms");
        }

        var peers = _run.Peers;
        await Cleanup.RunAllAsync([
            .. peers.Select(peer => (Func<ValueTask>)peer.DisposeAsync),
            async () =>
            {
                if (_process is not null)
                {
                    await _process.DisposeAsync().ConfigureAwait(false);
                    _run.Recording.Attach("standard output", _process.StandardOutput.Text);
                    _run.Recording.Attach("standard error", _process.StandardError.Text);
                }
            },
            .. _connections.Select(connection => (Func<ValueTask>)connection.DisposeAsync),
            async () =>
            {
                if (_listener is not null)
                {
                    await _listener.DisposeAsync().ConfigureAwait(false);
                }
            }]).ConfigureAwait(false);
        _run.Recording.Attach("wire", string.Join("\n", peers.SelectMany(peer => peer.Entries.Select(entry => (peer.Name, entry)))
            .OrderBy(pair => pair.entry.At).Select(pair => $"{pair.Name}: {pair.entry.Describe()}")));
        Step("ended");
    }

    // Every 50 ms: how much later than asked did the harness wake? The worst of it bounds the harness's own timing error.
    private async Task ProbeLagAsync()
    {
        var interval = TimeSpan.FromMilliseconds(50);
        while (!_stopProbe.IsCancellationRequested)
        {
            var before = Now;
            try
            {
                await Task.Delay(interval, _stopProbe.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var lag = Now - before - interval;
            if (lag > _run.HarnessLag)
            {
                _run.HarnessLag = lag;
            }
        }
    }

    private FramePeer Open(string name, Stream stream)
    {
        var peer = new FramePeer(name, stream, PeerClock.Real(_run.Origin), _schemas);
        _run.Add(peer);
        peer.Start();
        Step("connected", new JsonObject { ["connection"] = name });
        return peer;
    }
}

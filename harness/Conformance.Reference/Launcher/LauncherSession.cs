using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Protocols.Secrets;
using Conformance.Reference.Appliance;

namespace Conformance.Reference.Launcher;

/// <summary>
/// The reference Launcher's handling of one user session: it posts ConnectionStarted, sends the
/// configuration to whichever stream it is given, and turns the connector's events, the tracked process
/// and the appliance's own progress into session events, each at most once where the catalog says so.
/// </summary>
public sealed class LauncherSession : IAsyncDisposable
{
    private readonly ConnectionConfiguration _configuration;
    private readonly LauncherSettings _settings;
    private readonly TimeProvider _time;
    private readonly Actor _queue;
    private readonly SecretMask _mask;
    private ITimer? _legacyTimer;
    private bool _endedPosted;
    private bool _failedPosted;

    /// <summary>Creates the session; nothing is posted until <see cref="Start"/>.</summary>
    public LauncherSession(ConnectionConfiguration configuration, LauncherSettings settings, TimeProvider time, IProcessExitWatcher processExits)
    {
        _configuration = configuration;
        _settings = settings;
        _time = time;
        _mask = new SecretMask(configuration.Secrets);
        _queue = new Actor(exception => Journal.Add(new LauncherFault(time.GetUtcNow(), exception.ToString())));
        Appliance = new ApplianceSession(time, settings.LoginTimeout, _queue.Post)
        {
            EventRecorded = posted => Journal.Add(new SessionEventPosted(posted.At, posted)),
            StatesChanged = (before, after, cause) => Journal.Add(new StatesChanged(time.GetUtcNow(), before, after, cause)),
            SessionEnded = OnApplianceSessionEnded,
        };
        Tracker = new ProcessTracker(processExits, processId => _queue.Post(() => OnTrackedProcessExited(processId)));
    }

    /// <summary>The Launcher's log for this session.</summary>
    public LauncherJournal Journal { get; } = new();

    /// <summary>The simulated appliance side of the session.</summary>
    public ApplianceSession Appliance { get; }

    /// <summary>The session tracker.</summary>
    public ProcessTracker Tracker { get; }

    /// <summary>The configuration this session sends.</summary>
    public ConnectionConfiguration Configuration => _configuration;

    /// <summary>Posts ConnectionStarted (LC-L01) and starts the session tracker when configured (LC-L02).</summary>
    public Task StartAsync()
    {
        _queue.Post(() =>
        {
            Appliance.Receive(SessionEventKind.ConnectionStarted);
            if (_settings.SessionTrackerConfigured)
            {
                Tracker.Start();
                Journal.Add(new SessionTrackerStarted(_time.GetUtcNow()));
            }
        });
        return _queue.WhenIdleAsync();
    }

    /// <summary>
    /// Serves a connected connector: the configuration first (LC-L04), then every line it sends until it
    /// closes the pipe. Returns when the pipe is closed.
    /// </summary>
    public async Task ServeAsync(Stream connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var writer = new LineWriter(connection);
        var reason = "the connector closed the pipe";
        try
        {
            var line = _configuration.ToJsonLine();
            await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            Journal.Add(new ConfigurationSent(_time.GetUtcNow(), _mask.Apply(line)));

            var reader = new LineReader(connection, _settings.MaxLineBytes);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } received)
            {
                _queue.Post(() => OnLine(received));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "the Launcher closed the pipe";
        }
        catch (IOException exception)
        {
            reason = $"the pipe broke: {exception.Message}";
        }

        _queue.Post(() => Journal.Add(new PipeClosed(_time.GetUtcNow(), reason)));
    }

    /// <summary>Runs <paramref name="simulation"/> on the session's queue, for the appliance's own progress, and waits for it.</summary>
    public Task SimulateAsync(Action<ApplianceSession> simulation)
    {
        _queue.Post(() => simulation(Appliance));
        return _queue.WhenIdleAsync();
    }

    /// <summary>The session tracker found the remote window of <paramref name="processId"/> on its own (configured tracking, LC-L12).</summary>
    public Task WindowFoundAsync(int processId)
    {
        _queue.Post(() => StartTracking(processId));
        return _queue.WhenIdleAsync();
    }

    /// <summary>Completes when every line, timer and exit handed to the session so far has been handled.</summary>
    public Task WhenIdleAsync() => _queue.WhenIdleAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _queue.WhenIdleAsync().ConfigureAwait(false);
        _queue.Complete();
        await _queue.Completion.ConfigureAwait(false);
        _legacyTimer?.Dispose();
        Tracker.Dispose();
        Appliance.Dispose();
    }

    private void OnLine(LineReadResult line)
    {
        var now = _time.GetUtcNow();
        Journal.Add(new LineReceived(now, line));
        var unreadable = line.Defects.Where(defect => defect is LineDefect.InvalidUtf8 or LineDefect.TooLong or LineDefect.Unterminated).ToList();
        if (unreadable.Count > 0 || line.Text is null)
        {
            Reject(line, Describe(line, unreadable));
            return;
        }

        var parsed = CustomConnectorEventParser.Parse(line.Text);
        if (parsed.Event is not { } connectorEvent)
        {
            Reject(line, parsed.Reason!);
            return;
        }

        // A Launcher may tolerate a BOM or CR (LC-C03 judges the connector); this one notes and accepts them.
        foreach (var defect in line.Defects)
        {
            Journal.Add(new LineNoted(now, line.Number, $"tolerated {defect}"));
        }

        if (parsed.UnknownMembers.Count > 0)
        {
            Journal.Add(new LineNoted(now, line.Number, $"ignored unknown members: {string.Join(", ", parsed.UnknownMembers)}"));
        }

        Handle(connectorEvent);
    }

    private void Reject(LineReadResult line, string reason) =>
        // LC-L15: reported with its bytes, secrets masked, and otherwise ignored.
        Journal.Add(new LineRejected(_time.GetUtcNow(), line.Number, reason, _mask.Apply(line.Excerpt(512))));

    private static string Describe(LineReadResult line, IReadOnlyList<LineDefect> defects) => defects switch
    {
        _ when defects.Contains(LineDefect.TooLong) => $"the line is {line.Length} bytes, over the limit",
        _ when defects.Contains(LineDefect.InvalidUtf8) => $"the line is not valid UTF-8 (byte {line.InvalidUtf8Offset})",
        _ => "the pipe closed inside the line",
    };

    private void Handle(CustomConnectorEvent connectorEvent)
    {
        switch (connectorEvent.EventType)
        {
            case CustomConnectorEventType.Custom:
                Appliance.Receive(SessionEventKind.CustomUserSessionEvent, connectorEvent.Message);
                break;
            case CustomConnectorEventType.RemoteConnectionWindowCreated when connectorEvent.ProcessId is { } processId:
                StartTracking(processId);
                break;
            case CustomConnectorEventType.RemoteConnectionWindowCreated:
                // LC-L06: without a process id there is nothing to track and nothing to post.
                break;
            case CustomConnectorEventType.RemoteConnectionWindowClosed when Tracker.TrackedProcessId is { } tracked:
                // LC-L08: the tracked process decides when the connection has ended.
                Journal.Add(new PostingWithheld(_time.GetUtcNow(), SessionEventKind.ConnectionEnded, $"process {tracked} is tracked; ConnectionEnded waits for its exit"));
                break;
            case CustomConnectorEventType.RemoteConnectionWindowClosed:
                PostConnectionEnded();
                break;
            case CustomConnectorEventType.RemoteConnectionFailure:
                PostConnectionFailed();
                break;
            default:
                // Stryker disable once all : the parser yields only the four event types above, so no test can reach this line.
                throw new InvalidOperationException($"Unhandled event type {connectorEvent.EventType}.");
        }
    }

    private void StartTracking(int processId)
    {
        var replaced = Tracker.Track(processId);
        Journal.Add(new TrackingStarted(_time.GetUtcNow(), processId, replaced));
    }

    private void OnTrackedProcessExited(int processId)
    {
        if (Tracker.TrackedProcessId != processId)
        {
            return;
        }

        Tracker.Forget(processId);
        Journal.Add(new TrackedProcessExited(_time.GetUtcNow(), processId));
        PostConnectionEnded();
    }

    private void OnApplianceSessionEnded(string cause) => StartLegacyDelay(cause);

    private void StartLegacyDelay(string cause)
    {
        if (_endedPosted || Tracker.IsTracking || _legacyTimer is not null)
        {
            return;
        }

        // LC-L12/LC-L13: nothing tells the Launcher when the connection ends, so it waits the legacy delay
        // after the session's end, failure (LC-L10) or time-out.
        Journal.Add(new LegacyDelayStarted(_time.GetUtcNow(), _settings.LegacyConnectionEndedDelay, cause));
        _legacyTimer = _time.CreateTimer(_ => _queue.Post(OnLegacyDelayElapsed), null, _settings.LegacyConnectionEndedDelay, Timeout.InfiniteTimeSpan);
    }

    private void OnLegacyDelayElapsed()
    {
        if (Tracker.TrackedProcessId is { } tracked)
        {
            Journal.Add(new PostingWithheld(_time.GetUtcNow(), SessionEventKind.ConnectionEnded, $"the legacy delay passed while process {tracked} is tracked"));
            return;
        }

        PostConnectionEnded();
    }

    private void PostConnectionEnded()
    {
        // LC-L14 (interpretation): ConnectionEnded at most once per session.
        if (_endedPosted)
        {
            Journal.Add(new PostingWithheld(_time.GetUtcNow(), SessionEventKind.ConnectionEnded, "ConnectionEnded was already posted"));
            return;
        }

        _endedPosted = true;
        _legacyTimer?.Dispose();

        // After a failure the session is final: the appliance records the event, and no state moves (LC-L10, LC-L14).
        Appliance.Receive(SessionEventKind.ConnectionEnded);
    }

    private void PostConnectionFailed()
    {
        // A failure reported after the connection ended, or a second one, changes nothing (LC-L14).
        if (_endedPosted || _failedPosted)
        {
            Journal.Add(new PostingWithheld(_time.GetUtcNow(), SessionEventKind.ConnectionFailed, _endedPosted ? "the connection had already ended" : "ConnectionFailed was already posted"));
            return;
        }

        _failedPosted = true;
        Appliance.Receive(SessionEventKind.ConnectionFailed);

        // LC-L10: the source lists failure among the triggers of the legacy delayed ConnectionEnded.
        StartLegacyDelay("the connection failed");
    }
}

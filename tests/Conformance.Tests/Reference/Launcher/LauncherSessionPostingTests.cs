using System.Text;
using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>
/// What the reference Launcher posts, withholds and releases as a session's events arrive out of the usual order
/// (LC-L08, LC-L10, LC-L12, LC-L14), under the manual clock: each test drives one connected session.
/// </summary>
public class LauncherSessionPostingTests
{
    private static readonly TimeSpan LegacyDelay = new LauncherSettings().LegacyConnectionEndedDelay;

    [Test]
    public async Task A_second_failure_is_withheld_and_the_appliance_records_only_the_first()
    {
        await using var served = await ServedSession.StartAsync();

        await served.SendAsync(CustomConnectorEventType.RemoteConnectionFailure);
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionFailure);

        Assert.That(served.Posted(SessionEventKind.ConnectionFailed), Is.EqualTo(1));
        Assert.That(served.Withheld(SessionEventKind.ConnectionFailed), Is.EqualTo(new[] { "ConnectionFailed was already posted" }));
    }

    [Test]
    public async Task A_failure_after_the_connection_ended_is_withheld()
    {
        await using var served = await ServedSession.StartAsync();

        await served.SendAsync(CustomConnectorEventType.RemoteConnectionWindowClosed);
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionFailure);

        Assert.That(served.Posted(SessionEventKind.ConnectionFailed), Is.Zero);
        Assert.That(served.Withheld(SessionEventKind.ConnectionFailed), Is.EqualTo(new[] { "the connection had already ended" }));
    }

    [Test]
    public async Task A_session_that_ends_after_ConnectionEnded_starts_no_legacy_delay()
    {
        await using var served = await ServedSession.StartAsync();
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionWindowClosed);

        await served.Session.SimulateAsync(appliance => appliance.LogOff());
        await served.Clock.AdvanceAsync(LegacyDelay * 2);
        await served.Session.WhenIdleAsync();

        Assert.That(served.Session.Journal.OfType<LegacyDelayStarted>(), Is.Empty);
        Assert.That(served.Posted(SessionEventKind.ConnectionEnded), Is.EqualTo(1));
        Assert.That(served.Clock.PendingTimers, Is.Zero, "no timer is left running");
    }

    [Test]
    public async Task ConnectionEnded_stops_a_legacy_delay_that_was_running()
    {
        await using var served = await ServedSession.StartAsync();
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionFailure);
        Assert.That(served.Session.Journal.OfType<LegacyDelayStarted>().Single().Cause, Is.EqualTo("the connection failed"));

        await served.SendAsync(CustomConnectorEventType.RemoteConnectionWindowClosed);
        await served.Clock.AdvanceAsync(LegacyDelay * 2);
        await served.Session.WhenIdleAsync();

        Assert.That(served.Posted(SessionEventKind.ConnectionEnded), Is.EqualTo(1));
        Assert.That(served.Withheld(SessionEventKind.ConnectionEnded), Is.Empty, "the delay never elapsed, so nothing was withheld at its end");
    }

    [Test]
    public async Task A_legacy_delay_that_passes_while_a_process_is_tracked_posts_nothing()
    {
        await using var served = await ServedSession.StartAsync();
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionFailure);
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionWindowCreated, processId: 4242);

        await served.Clock.AdvanceAsync(LegacyDelay);
        await served.Session.WhenIdleAsync();

        Assert.That(served.Posted(SessionEventKind.ConnectionEnded), Is.Zero);
        Assert.That(served.Withheld(SessionEventKind.ConnectionEnded), Is.EqualTo(new[] { "the legacy delay passed while process 4242 is tracked" }));
    }

    [Test]
    public async Task The_exit_of_a_process_no_longer_tracked_changes_nothing()
    {
        var processes = new LateTellingProcesses();
        await using var served = await ServedSession.StartAsync(processes: processes);
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionWindowCreated, processId: 101);
        await served.SendAsync(CustomConnectorEventType.RemoteConnectionWindowCreated, processId: 202);

        processes.Exit(101);
        await served.Session.WhenIdleAsync();

        Assert.That(served.Session.Tracker.TrackedProcessId, Is.EqualTo(202));
        Assert.That(served.Session.Journal.OfType<TrackedProcessExited>(), Is.Empty);
        Assert.That(served.Posted(SessionEventKind.ConnectionEnded), Is.Zero);
    }

    [Test]
    public async Task Notes_the_unknown_members_it_ignores_on_an_accepted_line()
    {
        await using var served = await ServedSession.StartAsync();

        await served.SendLineAsync("{\"eventType\":\"Custom\",\"message\":\"hi\",\"colour\":\"blue\",\"size\":3}");

        Assert.That(served.Session.Journal.OfType<LineNoted>().Select(note => note.Note), Is.EqualTo(new[] { "ignored unknown members: colour, size" }));
        Assert.That(served.Posted(SessionEventKind.CustomUserSessionEvent), Is.EqualTo(1));
    }

    [Test]
    public async Task Starts_the_session_tracker_only_when_configured_and_releases_it_and_every_timer_on_disposal()
    {
        var clock = new ManualTimeProvider();
        var tracking = new LauncherSession(SampleConfiguration.Create(), new LauncherSettings { SessionTrackerConfigured = true }, clock, new SimulatedProcesses());
        var plain = new LauncherSession(SampleConfiguration.Create(), new LauncherSettings(), clock, new SimulatedProcesses());
        await tracking.StartAsync();
        await plain.StartAsync();
        await tracking.SimulateAsync(appliance => appliance.LogOff());
        Assert.That(clock.PendingTimers, Is.EqualTo(3), "two login time-outs and one legacy delay run");

        Assert.That(tracking.Tracker.IsRunning, Is.True);
        Assert.That(tracking.Journal.OfType<SessionTrackerStarted>(), Has.Exactly(1).Items);
        Assert.That(plain.Tracker.IsRunning, Is.False);

        await tracking.DisposeAsync();
        await plain.DisposeAsync();

        Assert.That(tracking.Tracker.IsRunning, Is.False, "the tracker stops with its session");
        Assert.That(clock.PendingTimers, Is.Zero, "the login time-outs and the legacy delay are released");
    }

    [Test]
    public async Task Serving_no_stream_is_refused_by_name()
    {
        await using var session = new LauncherSession(SampleConfiguration.Create(), new LauncherSettings(), new ManualTimeProvider(), new SimulatedProcesses());

        var refused = Assert.ThrowsAsync<ArgumentNullException>(() => session.ServeAsync(null!, CancellationToken.None));

        Assert.That(refused!.ParamName, Is.EqualTo("connection"));
    }

    [Test]
    public async Task Records_that_the_Launcher_closed_the_pipe_when_serving_is_cancelled()
    {
        await using var session = new LauncherSession(SampleConfiguration.Create(), new LauncherSettings(), new ManualTimeProvider(), new SimulatedProcesses());
        var (launcherEnd, connectorEnd) = DuplexStream.CreatePair();
        using var stop = new CancellationTokenSource();
        var serving = session.ServeAsync(launcherEnd, stop.Token);
        await new LineReader(connectorEnd).ReadLineAsync();

        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        await session.WhenIdleAsync();

        Assert.That(session.Journal.OfType<PipeClosed>().Single().Reason, Is.EqualTo("the Launcher closed the pipe"));
    }

    [Test]
    public async Task Records_a_broken_pipe_with_the_error()
    {
        await using var session = new LauncherSession(SampleConfiguration.Create(), new LauncherSettings(), new ManualTimeProvider(), new SimulatedProcesses());

        await session.ServeAsync(new BrokenAfterWrites(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await session.WhenIdleAsync();

        Assert.That(session.Journal.OfType<PipeClosed>().Single().Reason, Is.EqualTo("the pipe broke: the peer reset the pipe"));
    }

    /// <summary>A session served over an in-memory pipe whose configuration line was read, ready for the connector's events.</summary>
    private sealed class ServedSession : IAsyncDisposable
    {
        private readonly DuplexStream _connectorEnd;
        private readonly Task _serving;

        private ServedSession(LauncherSession session, ManualTimeProvider clock, DuplexStream connectorEnd, Task serving)
        {
            Session = session;
            Clock = clock;
            _connectorEnd = connectorEnd;
            _serving = serving;
        }

        public LauncherSession Session { get; }

        public ManualTimeProvider Clock { get; }

        public static async Task<ServedSession> StartAsync(IProcessExitWatcher? processes = null)
        {
            var clock = new ManualTimeProvider();
            var session = new LauncherSession(SampleConfiguration.Create(), new LauncherSettings(), clock, processes ?? new SimulatedProcesses());
            await session.StartAsync();
            var (launcherEnd, connectorEnd) = DuplexStream.CreatePair();
            var serving = session.ServeAsync(launcherEnd, CancellationToken.None);
            await new LineReader(connectorEnd).ReadLineAsync();
            return new ServedSession(session, clock, connectorEnd, serving);
        }

        public Task SendAsync(CustomConnectorEventType type, int? processId = null) =>
            SendLineAsync(new CustomConnectorEvent(type, "", processId).ToJsonLine());

        /// <summary>Writes one line and waits until the session has handled it.</summary>
        public async Task SendLineAsync(string line)
        {
            var before = Session.Journal.OfType<LineReceived>().Count;
            await _connectorEnd.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
            var handled = await Session.Journal.WaitUntilAsync(entries => entries.OfType<LineReceived>().Count() > before, TimeSpan.FromSeconds(10));
            Assert.That(handled, $"the session read the line {line}");
            await Session.WhenIdleAsync();
        }

        public int Posted(SessionEventKind kind) => Session.Appliance.Events.Count(posted => posted.Kind == kind);

        public IEnumerable<string> Withheld(SessionEventKind kind) =>
            Session.Journal.OfType<PostingWithheld>().Where(entry => entry.Kind == kind).Select(entry => entry.Reason);

        public async ValueTask DisposeAsync()
        {
            await _connectorEnd.CompleteWritingAsync();
            await _serving.WaitAsync(TimeSpan.FromSeconds(10));
            await Session.DisposeAsync();
        }
    }

    /// <summary>An exit watcher that still tells of an exit after its watch was dropped, as a poll already under way may.</summary>
    private sealed class LateTellingProcesses : IProcessExitWatcher
    {
        private readonly Dictionary<int, Action> _watchers = [];

        public IDisposable Watch(int processId, Action exited)
        {
            _watchers[processId] = exited;
            return new NothingToRelease();
        }

        public void Exit(int processId) => _watchers[processId]();

        private sealed class NothingToRelease : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    /// <summary>Takes writes, then fails every read as a reset pipe does.</summary>
    private sealed class BrokenAfterWrites : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("the peer reset the pipe"));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException<int>(new IOException("the peer reset the pipe"));
    }
}

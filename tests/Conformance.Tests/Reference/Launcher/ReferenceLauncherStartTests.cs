using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Processes;
using Conformance.Protocols.Transport;
using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>
/// How the reference Launcher opens a session's pipe and starts the connector (LC-L02, LC-L03, LC-L05, LC-L16), with
/// a connector that never connects so that the test itself plays every client; and what a session releases.
/// </summary>
[Platform(Include = "Linux")]
public class ReferenceLauncherStartTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly string[] Idle = ["sleep", "60"];

    [Test]
    public async Task Starts_the_connector_with_the_session_s_pipe_name_once_the_pipe_listens()
    {
        var starter = NewStarter();
        await using var launched = await Launcher(starter).StartSessionAsync(SampleConfiguration.Create(), Idle, CancellationToken.None);

        var start = starter.Starts.Single();
        Assert.That(start.PipeWasListening, "the pipe listened before the connector started");
        Assert.That(start.Request.Environment[ReferenceLauncher.PipeNameVariable], Is.EqualTo(launched.PipeName));
        Assert.That(launched.PipeName, Does.StartWith("vsi-"), "the reference Launcher's pipes are recognisable by their prefix");
        Assert.That(start.Request.Command, Is.EqualTo(Idle));
        Assert.That(launched.Session.Journal.OfType<PipeListening>().Single().PipeName, Is.EqualTo(launched.PipeName));
        Assert.That(launched.Session.Journal.OfType<ConnectorProcessStarted>().Single().ProcessId, Is.EqualTo(launched.Connector.ProcessId));
    }

    [Test]
    public async Task Refuses_a_client_that_comes_before_the_connector_is_started()
    {
        var starter = NewStarter();
        Stream? early = null;
        starter.BeforeStart = async request => early = (await PipeClient.TryConnectOnceAsync(request.Environment[ReferenceLauncher.PipeNameVariable])).Stream;
        await using var launched = await Launcher(starter).StartSessionAsync(SampleConfiguration.Create(), Idle, CancellationToken.None);
        await using var client = early;

        var refused = await RefusalAsync(launched);

        Assert.That(refused.Reason, Does.Contain("(not started yet)"));
        Assert.That(refused.Client.ProcessId, Is.EqualTo(Environment.ProcessId));
    }

    [Test]
    public async Task Refuses_a_client_outside_the_connector_s_tree_after_the_start()
    {
        await using var launched = await Launcher(NewStarter()).StartSessionAsync(SampleConfiguration.Create(), Idle, CancellationToken.None);

        var (stream, _) = await PipeClient.TryConnectOnceAsync(launched.PipeName);
        await using var client = stream;
        var refused = await RefusalAsync(launched);

        Assert.That(refused.Reason, Is.EqualTo($"process {Environment.ProcessId} is not the connector {launched.Connector.ProcessId} nor one of its descendants"));
        Assert.That(launched.Session.Journal.OfType<ClientAdmitted>(), Is.Empty);
    }

    [Test]
    public async Task Admits_a_client_that_left_the_connector_s_tree_but_is_still_contained_below_its_host()
    {
        // The connector's shell starts the client in a subshell that exits at once: the client is orphaned (a
        // double fork) and is no longer below the connector in the process tree, only in its process host.
        var socketPrefix = PipeName.UnixSocketPath(string.Empty);
        string[] doubleFork =
        [
            "sh", "-c",
            "( python3 -c 'import os, socket, sys; s = socket.socket(socket.AF_UNIX); " +
            $"s.connect(sys.argv[1] + os.environ[\"{ReferenceLauncher.PipeNameVariable}\"]); s.settimeout(30); s.recv(1)' '{socketPrefix}' & ); sleep 60",
        ];
        await using var launched = await Launcher(NewStarter()).StartSessionAsync(SampleConfiguration.Create(), doubleFork, CancellationToken.None);

        var admitted = await launched.Session.Journal.WaitUntilAsync(entries => entries.OfType<ClientAdmitted>().Any(), Bound);

        Assert.That(admitted, "the orphaned client was admitted");
        Assert.That(launched.Session.Journal.OfType<ClientAdmitted>().Single().Reason, Does.EndWith("left the connector's tree but is still contained below the connector's process host"));
    }

    [Test]
    public async Task Refuses_to_launch_without_a_session_or_a_command_before_opening_a_pipe()
    {
        var starter = NewStarter();
        var launcher = Launcher(starter);
        await using var session = await launcher.OpenSessionAsync(SampleConfiguration.Create());

        Assert.ThrowsAsync<ArgumentNullException>(() => launcher.LaunchConnectorAsync(null!, Idle, CancellationToken.None));
        Assert.ThrowsAsync<ArgumentNullException>(() => launcher.LaunchConnectorAsync(session, null!, CancellationToken.None));

        Assert.That(session.Journal.OfType<PipeListening>(), Is.Empty, "no pipe was opened");
        Assert.That(starter.Starts, Is.Empty);
    }

    [Test]
    public async Task Without_the_client_process_check_admits_the_first_client_whoever_it_is()
    {
        var launcher = Launcher(NewStarter(), new LauncherSettings { VerifyClientProcess = false });
        await using var launched = await launcher.StartSessionAsync(SampleConfiguration.Create(), Idle, CancellationToken.None);

        var (stream, _) = await PipeClient.TryConnectOnceAsync(launched.PipeName);
        await using var client = stream;
        var admitted = await launched.Session.Journal.WaitUntilAsync(entries => entries.OfType<ClientAdmitted>().Any(), Bound);

        Assert.That(admitted, "the client was admitted");
        Assert.That(launched.Session.Journal.OfType<ClientAdmitted>().Single().Reason, Is.EqualTo("first client (client-process check off)"));
    }

    [Test]
    public async Task A_connector_that_cannot_be_started_ends_the_session_it_was_for_and_its_pipe()
    {
        var clock = new ManualTimeProvider();
        var launcher = new ReferenceLauncher(new LauncherSettings(), clock, new FailingStarter(), new SimulatedProcesses());
        var session = await launcher.OpenSessionAsync(SampleConfiguration.Create());

        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => launcher.LaunchConnectorAsync(session, Idle, CancellationToken.None));

        Assert.That(failure!.Message, Is.EqualTo("no such connector"));
        var pipeName = session.Journal.OfType<PipeListening>().Single().PipeName;
        Assert.That(File.Exists(PipeName.UnixSocketPath(pipeName)), Is.False, "the pipe is gone");
        Assert.That(clock.PendingTimers, Is.Zero, "the session was disposed: its login time-out is released");
    }

    [Test]
    public async Task Ending_a_launched_session_ends_the_connector_the_pipe_and_the_session_s_timers()
    {
        var clock = new ManualTimeProvider();
        var launcher = new ReferenceLauncher(new LauncherSettings(), clock, NewStarter(), new SimulatedProcesses());
        var launched = await launcher.StartSessionAsync(SampleConfiguration.Create(), Idle, CancellationToken.None);
        var connector = launched.Connector.ProcessId;
        Assert.That(clock.PendingTimers, Is.EqualTo(1), "the login time-out runs");

        await launched.DisposeAsync();

        Assert.That(ProcessTable.IsAlive(connector), Is.False, "the connector was ended");
        Assert.That(File.Exists(PipeName.UnixSocketPath(launched.PipeName)), Is.False, "the pipe is gone");
        Assert.That(launched.Serving.IsCompleted, "serving stopped");
        Assert.That(clock.PendingTimers, Is.Zero, "the session's timers are released");
    }

    [Test]
    public async Task Closing_the_pipe_ends_serving_but_not_the_connector()
    {
        await using var launched = await Launcher(NewStarter()).StartSessionAsync(SampleConfiguration.Create(), Idle, CancellationToken.None);

        await launched.ClosePipeAsync();
        await launched.Serving.WaitAsync(Bound);

        Assert.That(ProcessTable.IsAlive(launched.Connector.ProcessId), "the connector goes on");
    }

    private static ReferenceLauncher Launcher(IConnectorProcessStarter starter, LauncherSettings? settings = null) =>
        new(settings ?? new LauncherSettings(), TimeProvider.System, starter, new SimulatedProcesses());

    private static async Task<ClientRefused> RefusalAsync(LaunchedSession launched)
    {
        var refused = await launched.Session.Journal.WaitUntilAsync(entries => entries.OfType<ClientRefused>().Any(), Bound);
        Assert.That(refused, "the client was refused");
        return launched.Session.Journal.OfType<ClientRefused>().Single();
    }

    /// <summary>The engine's recording starter (it notes whether the pipe listened); these sessions have no tracker.</summary>
    private static ObservingStarter NewStarter() => new(trackerRunning: () => false);

    /// <summary>A connector that cannot be started.</summary>
    private sealed class FailingStarter : IConnectorProcessStarter
    {
        public Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken) =>
            Task.FromException<StartedConnector>(new InvalidOperationException("no such connector"));
    }
}

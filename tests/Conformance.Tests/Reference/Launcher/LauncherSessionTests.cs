using System.Text;
using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

public class LauncherSessionTests
{
    [Test]
    public async Task Sends_the_configuration_first_then_handles_lines_until_the_connector_closes_the_pipe()
    {
        var configuration = SampleConfiguration.Create();
        await using var session = new LauncherSession(configuration, new LauncherSettings(), new ManualTimeProvider(), new SimulatedProcesses());
        await session.StartAsync();
        var (launcherEnd, connectorEnd) = DuplexStream.CreatePair();
        var serving = session.ServeAsync(launcherEnd, CancellationToken.None);

        var first = await new LineReader(connectorEnd).ReadLineAsync();
        await connectorEnd.WriteAsync(Encoding.UTF8.GetBytes(new CustomConnectorEvent(CustomConnectorEventType.Custom, "hi").ToJsonLine() + "\n"));
        await connectorEnd.CompleteWritingAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        await session.WhenIdleAsync();

        Assert.That(ConnectionConfiguration.Parse(first!.Text!), Is.EqualTo(configuration).Using<ConnectionConfiguration>((a, b) => a.SessionId == b.SessionId && a.Password == b.Password));
        Assert.That(session.Appliance.Events.Select(e => e.Kind), Is.EqualTo(new[] { SessionEventKind.ConnectionStarted, SessionEventKind.CustomUserSessionEvent }));
        Assert.That(session.Journal.OfType<PipeClosed>().Single().Reason, Is.EqualTo("the connector closed the pipe"));
    }

    [Test]
    public async Task Masks_the_secrets_in_the_configuration_it_logs()
    {
        var configuration = SampleConfiguration.Create();
        await using var session = new LauncherSession(configuration, new LauncherSettings(), new ManualTimeProvider(), new SimulatedProcesses());
        var (launcherEnd, connectorEnd) = DuplexStream.CreatePair();
        var serving = session.ServeAsync(launcherEnd, CancellationToken.None);
        await new LineReader(connectorEnd).ReadLineAsync();
        await connectorEnd.CompleteWritingAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        var logged = session.Journal.OfType<ConfigurationSent>().Single().MaskedLine;

        Assert.That(logged, Does.Not.Contain(configuration.Password).And.Not.Contain(configuration.AccountSecureFields["pin"]));
        Assert.That(logged, Does.Contain("\"password\":\"***\""));
    }

    [Test]
    public async Task Tracks_a_real_process_and_posts_ConnectionEnded_when_it_exits()
    {
        using var remote = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd" : "/bin/sh", OperatingSystem.IsWindows() ? ["/c", "pause"] : ["-c", "read line"]) { RedirectStandardInput = true })!;
        var settings = new LauncherSettings { ProcessPollInterval = TimeSpan.FromMilliseconds(20) };
        await using var session = new LauncherSession(SampleConfiguration.Create(), settings, TimeProvider.System, new PollingProcessExitWatcher(TimeProvider.System, settings.ProcessPollInterval));
        await session.StartAsync();
        await session.WindowFoundAsync(remote.Id);

        remote.StandardInput.Close();
        await remote.WaitForExitAsync();
        var ended = await session.Journal.WaitUntilAsync(entries => entries.OfType<TrackedProcessExited>().Any(), TimeSpan.FromSeconds(10));
        await session.WhenIdleAsync();

        Assert.That(ended, "the exit was noticed");
        Assert.That(session.Appliance.Events.Count(e => e.Kind == SessionEventKind.ConnectionEnded), Is.EqualTo(1));
    }
}

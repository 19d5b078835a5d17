using Conformance.Engine.LauncherConnector;
using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Processes;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>Both reference roles together, for real: the reference Launcher starts the reference connector and sees a whole session through.</summary>
public class ReferenceLauncherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Sees_a_whole_session_of_the_reference_connector_through_to_ConnectionEnded()
    {
        var settings = new LauncherSettings { ProcessPollInterval = TimeSpan.FromMilliseconds(20) };
        var launcher = new ReferenceLauncher(settings, TimeProvider.System, new OsConnectorProcessStarter(), new PollingProcessExitWatcher(TimeProvider.System, settings.ProcessPollInterval));
        await using var launched = await launcher.StartSessionAsync(SampleConfiguration.Create(), ReferenceConnectorCommand.Connector(), CancellationToken.None);
        var journal = launched.Session.Journal;

        Assert.That(await journal.WaitUntilAsync(entries => entries.OfType<TrackingStarted>().Any(), Bound), "the connector reported its window");
        var remote = journal.OfType<TrackingStarted>().Single().ProcessId;
        System.Diagnostics.Process.GetProcessById(remote).Kill();
        // The window-closed report may come while the exit is not yet noticed (then it is withheld, LC-L08), or after.
        Assert.That(await journal.WaitUntilAsync(entries => entries.OfType<SessionEventPosted>().Any(posted => posted.Event.Kind == SessionEventKind.ConnectionEnded), Bound), "ConnectionEnded was posted");
        Assert.That(await journal.WaitUntilAsync(entries => entries.OfType<PipeClosed>().Any(), Bound), "the connector closed the pipe");
        await launched.Session.WhenIdleAsync();

        var events = launched.Session.Appliance.Events.Select(e => e.Kind).ToList();
        Assert.That(events, Is.EqualTo(new[] { SessionEventKind.ConnectionStarted, SessionEventKind.CustomUserSessionEvent, SessionEventKind.ConnectionEnded }));
        Assert.That(journal.OfType<ClientAdmitted>().Single().Client.ProcessId, Is.EqualTo(launched.Connector.ProcessId));
        Assert.That(ProcessTable.IsAlive(remote), Is.False);
    }
}

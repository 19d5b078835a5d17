using Conformance.Engine.LauncherConnector;
using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Endurance.Workloads;

/// <summary>
/// One whole session of the reference Launcher with the reference connector, over a real pipe: the window is
/// reported, the remote client is ended in place of the user session's end, ConnectionEnded is posted, the
/// connector closes the pipe, and the session is disposed — which ends the connector's process tree.
/// </summary>
internal sealed class ReferenceSessionRun
{
    // Far above what a session takes (about a second), so that only a session that is stuck fails.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly ReferenceLauncher _launcher;
    private readonly IReadOnlyList<string> _connector = ReferenceConnectorCommand.Connector();

    public ReferenceSessionRun()
    {
        var settings = new LauncherSettings { ProcessPollInterval = TimeSpan.FromMilliseconds(20) };
        _launcher = new ReferenceLauncher(settings, TimeProvider.System, new OsConnectorProcessStarter(), new PollingProcessExitWatcher(TimeProvider.System, settings.ProcessPollInterval));
    }

    /// <summary>Runs one session to its end and disposes it; returns why it did not end as it should, or null.</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var launched = await _launcher.StartSessionAsync(SampleConfiguration.Create(), _connector, cancellationToken);
            return await SeeThroughAsync(launched, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Disposal is part of the run: a session that cannot be ended is a failure like one that cannot start.
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private static async Task<string?> SeeThroughAsync(LaunchedSession launched, CancellationToken cancellationToken)
    {
        var journal = launched.Session.Journal;
        if (!await journal.WaitUntilAsync(entries => entries.OfType<TrackingStarted>().Any(), Bound, cancellationToken))
        {
            return $"the connector did not report its window within {Bound.TotalSeconds:0} s; {JournalSummary.Of(launched)}";
        }

        EndRemoteClient(journal.OfType<TrackingStarted>()[0].ProcessId);
        if (!await journal.WaitUntilAsync(entries => entries.OfType<SessionEventPosted>().Any(posted => posted.Event.Kind == SessionEventKind.ConnectionEnded), Bound, cancellationToken))
        {
            return $"ConnectionEnded was not posted within {Bound.TotalSeconds:0} s of the remote client's end; {JournalSummary.Of(launched)}";
        }

        if (!await journal.WaitUntilAsync(entries => entries.OfType<PipeClosed>().Any(), Bound, cancellationToken))
        {
            return $"the connector did not close the pipe within {Bound.TotalSeconds:0} s of ConnectionEnded; {JournalSummary.Of(launched)}";
        }

        await launched.Session.WhenIdleAsync().WaitAsync(Bound, cancellationToken);
        var faults = journal.OfType<LauncherFault>();
        return faults.Count > 0 ? $"the Launcher faulted: {faults[0].Error}" : null;
    }

    private static void EndRemoteClient(int processId)
    {
        // Stands in for the user session's end; the connector, its parent, reaps it.
        try
        {
            using var remote = System.Diagnostics.Process.GetProcessById(processId);
            remote.Kill();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Already gone: the connector reports the window closed all the same.
        }
    }
}

using Conformance.Reference.Launcher;

namespace Conformance.Endurance.Workloads;

/// <summary>A failed session's journal in one line, in order, so that a failure says what the Launcher saw.</summary>
internal static class JournalSummary
{
    public static string Of(LaunchedSession launched)
    {
        var entries = launched.Session.Journal.Entries.Select(Describe);
        var exited = launched.Connector.Exited.IsCompleted ? "has exited" : "still runs";
        return $"connector {launched.Connector.ProcessId} {exited}; journal: {string.Join(", ", entries)}";
    }

    private static string Describe(LauncherJournalEntry entry) => entry switch
    {
        ClientRefused refused => $"ClientRefused({refused.Client}: {refused.Reason})",
        ClientAdmitted admitted => $"ClientAdmitted({admitted.Client})",
        ConnectorProcessStarted started => $"ConnectorProcessStarted({started.ProcessId})",
        PipeClosed closed => $"PipeClosed({closed.Reason})",
        LauncherFault fault => $"LauncherFault({fault.Error})",
        _ => entry.GetType().Name,
    };
}

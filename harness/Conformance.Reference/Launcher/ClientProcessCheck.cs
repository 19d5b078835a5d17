using Conformance.Protocols.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>
/// LC-L16: decides whether a pipe client belongs to the connector the Launcher started. The started process
/// and its descendants belong; so does a process re-parented to the Launcher (the Launcher is a child
/// subreaper, so double-forked descendants land there) whose environment names this session's pipe.
/// </summary>
public static class ClientProcessCheck
{
    /// <summary>Classifies <paramref name="clientProcessId"/>.</summary>
    /// <param name="clientProcessId">The client's pid, from the kernel; null when unknown.</param>
    /// <param name="startedProcessId">The connector's pid; null when it has not been started yet.</param>
    /// <param name="launcherProcessId">The Launcher's own pid.</param>
    /// <param name="marker">The environment variable and value only this session's descendants carry.</param>
    public static (ClientRelation Relation, string Description) Classify(
        int? clientProcessId, int? startedProcessId, int launcherProcessId, KeyValuePair<string, string> marker)
    {
        if (clientProcessId is not { } client)
        {
            return (ClientRelation.Unknown, "the platform does not report the client's process");
        }

        if (client == startedProcessId)
        {
            return (ClientRelation.StartedProcess, $"process {client} is the connector the Launcher started");
        }

        var ancestors = ProcessTable.Ancestors(client);
        if (startedProcessId is { } started && ancestors.Contains(started))
        {
            return (ClientRelation.Descendant, $"process {client} descends from the connector {started} ({ancestors.TakeWhile(ancestor => ancestor != started).Count() + 1} levels down)");
        }

        if (ancestors.Contains(launcherProcessId) && client != launcherProcessId
            && ProcessTable.TryReadEnvironmentVariable(client, marker.Key) == marker.Value)
        {
            return (ClientRelation.AdoptedDescendant, $"process {client} left the connector's tree but was adopted by the Launcher and carries {marker.Key}");
        }

        var startedText = startedProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(not started yet)";
        return (ClientRelation.Unrelated, $"process {client} is not the connector {startedText} nor one of its descendants");
    }

    /// <summary>True for the relations LC-L16 lets in.</summary>
    public static bool Belongs(ClientRelation relation) =>
        relation is ClientRelation.StartedProcess or ClientRelation.Descendant or ClientRelation.AdoptedDescendant;
}

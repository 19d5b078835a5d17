using Conformance.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>
/// LC-L16: decides whether a pipe client belongs to the connector the Launcher started. The started process
/// and its descendants belong; so does a process that left that tree (a double fork, a lost parent) but is
/// still contained below the connector's process host.
/// </summary>
public static class ClientProcessCheck
{
    /// <summary>Classifies <paramref name="clientProcessId"/>.</summary>
    /// <param name="clientProcessId">The client's pid, from the kernel; null when unknown.</param>
    /// <param name="startedProcessId">The connector's pid; null when it has not been started yet.</param>
    /// <param name="contained">Whether a pid is contained below the connector's process host; null before the start.</param>
    public static (ClientRelation Relation, string Description) Classify(int? clientProcessId, int? startedProcessId, Func<int, bool>? contained)
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
            var levels = ancestors.TakeWhile(ancestor => ancestor != started).Count() + 1;
            return (ClientRelation.Descendant, $"process {client} descends from the connector {started} ({levels} {(levels == 1 ? "level" : "levels")} down)");
        }

        if (startedProcessId is not null && contained?.Invoke(client) == true)
        {
            return (ClientRelation.AdoptedDescendant, $"process {client} left the connector's tree but is still contained below the connector's process host");
        }

        var startedText = startedProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(not started yet)";
        return (ClientRelation.Unrelated, $"process {client} is not the connector {startedText} nor one of its descendants");
    }

    /// <summary>True for the relations LC-L16 lets in.</summary>
    public static bool Belongs(ClientRelation relation) =>
        relation is ClientRelation.StartedProcess or ClientRelation.Descendant or ClientRelation.AdoptedDescendant;
}

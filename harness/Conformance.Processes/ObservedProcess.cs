namespace Conformance.Processes;

/// <summary>A process seen in a supervised tree: who it is, who started it, and every command line it ran.</summary>
/// <param name="ProcessId">Its pid.</param>
/// <param name="StartTime">Its start time, to tell it from a later process that reuses the pid.</param>
/// <param name="FirstParentProcessId">Its parent when first seen.</param>
/// <param name="CommandLines">Each distinct command line it showed, in order: a process that execs shows more than one.</param>
/// <param name="Adopted">True when it left the command's tree (double fork, lost parent) and the process host adopted it.</param>
public sealed record ObservedProcess(int ProcessId, ulong StartTime, int FirstParentProcessId, IReadOnlyList<IReadOnlyList<string>> CommandLines, bool Adopted)
{
    /// <summary>The latest command line, empty when none was readable.</summary>
    public IReadOnlyList<string> CommandLine => CommandLines.Count > 0 ? CommandLines[^1] : [];
}

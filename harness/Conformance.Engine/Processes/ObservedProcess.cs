namespace Conformance.Engine.Processes;

/// <summary>A process seen in a supervised tree: who it is, who started it, and what it ran.</summary>
/// <param name="ProcessId">Its pid.</param>
/// <param name="StartTime">Its start time, to tell it from a later process that reuses the pid.</param>
/// <param name="FirstParentProcessId">Its parent when first seen.</param>
/// <param name="CommandLine">Its command line when first seen with one.</param>
/// <param name="Adopted">True when found through the marker after leaving the tree (double fork).</param>
public sealed record ObservedProcess(int ProcessId, ulong StartTime, int FirstParentProcessId, IReadOnlyList<string> CommandLine, bool Adopted);

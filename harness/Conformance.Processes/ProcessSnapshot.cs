namespace Conformance.Processes;

/// <summary>What the system says about one process at one moment.</summary>
/// <param name="ProcessId">The process.</param>
/// <param name="ParentProcessId">Its parent, 0 when it has none or the system cannot tell.</param>
/// <param name="IsZombie">True when it has exited and waits to be reaped: dead for every purpose here.</param>
/// <param name="StartTime">When it started, in the system's own units; tells a reused pid from the original.</param>
/// <param name="CpuTime">User and system time it has used so far.</param>
/// <param name="CommandLine">Its arguments, executable first; empty where the system does not expose them.</param>
public sealed record ProcessSnapshot(
    int ProcessId,
    int ParentProcessId,
    bool IsZombie,
    ulong StartTime,
    TimeSpan CpuTime,
    IReadOnlyList<string> CommandLine);

namespace Conformance.Endurance.Measuring;

/// <summary>What this process holds at one moment, each figure taken after a full, compacting collection.</summary>
/// <param name="FileDescriptors">Entries of /proc/self/fd (the handle count elsewhere).</param>
/// <param name="LiveDescendants">Processes below this one, at any depth, that have not exited.</param>
/// <param name="ZombieDescendants">Processes below this one that exited and were never reaped.</param>
/// <param name="PipeSockets">Socket files <c>CoreFxPipe_*</c> in the temp folder.</param>
/// <param name="OtherTempEntries">Everything else in the temp folder (a killed .NET process leaves its diagnostics socket there).</param>
/// <param name="Threads">Threads of this process.</param>
/// <param name="ActiveTimers">Timers scheduled in this process (<see cref="Timer.ActiveCount"/>: Task.Delay, CancelAfter, ITimer…).</param>
/// <param name="HeapBytes">The managed heap after the collection.</param>
internal sealed record ResourceFigures(
    long FileDescriptors,
    long LiveDescendants,
    long ZombieDescendants,
    long PipeSockets,
    long OtherTempEntries,
    long Threads,
    long ActiveTimers,
    long HeapBytes)
{
    /// <summary>The descriptors by kind (socket, pipe, anon_inode:[eventfd], a path), to trace a growth.</summary>
    public IReadOnlyDictionary<string, int> DescriptorKinds { get; init; } = new Dictionary<string, int>();

    /// <summary>The threads by name, to trace a growth.</summary>
    public IReadOnlyDictionary<string, int> ThreadKinds { get; init; } = new Dictionary<string, int>();

    /// <summary>The temp folder's entries by kind (numbers masked), to trace a growth.</summary>
    public IReadOnlyDictionary<string, int> TempEntryKinds { get; init; } = new Dictionary<string, int>();
}

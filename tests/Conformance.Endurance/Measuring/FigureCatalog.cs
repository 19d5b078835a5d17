namespace Conformance.Endurance.Measuring;

/// <summary>
/// Every figure the check measures, with the growth tolerated from the warm-up to the end. Countable
/// resources must come back exactly: one more descriptor, process, socket file or timer after thousands of
/// runs is a leak. Threads may differ by a few: the thread pool adds and retires workers with the load, and the
/// runtime starts some threads of its own only when first needed (the background GC's, the pool's wait thread).
/// The heap may differ by a few MiB of caches and fragmentation that a leak of thousands of sessions exceeds.
/// </summary>
internal static class FigureCatalog
{
    /// <summary>Thread-pool workers that may still be alive, or not yet started again, when the end is measured.</summary>
    public const long ThreadTolerance = 4;

    /// <summary>The heap growth tolerated: caches that fill as they are used, and what compaction leaves.</summary>
    public const long HeapTolerance = 5 * 1024 * 1024;

    public static IReadOnlyList<Figure> All { get; } =
    [
        new("fileDescriptors", "file descriptors", figures => figures.FileDescriptors, 0),
        new("liveDescendants", "live descendants", figures => figures.LiveDescendants, 0),
        new("zombieDescendants", "zombie descendants", figures => figures.ZombieDescendants, 0),
        new("pipeSockets", "CoreFxPipe_* sockets", figures => figures.PipeSockets, 0),
        new("otherTempEntries", "other temp entries", figures => figures.OtherTempEntries, 0),
        new("threads", "threads", figures => figures.Threads, ThreadTolerance),
        new("activeTimers", "timers", figures => figures.ActiveTimers, 0),
        new("managedHeapBytes", "managed heap", figures => figures.HeapBytes, HeapTolerance, IsBytes: true),
    ];

    /// <summary>The figures that grew beyond their tolerance from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<Figure> Exceeding(ResourceFigures from, ResourceFigures to) =>
        All.Where(figure => figure.Read(to) - figure.Read(from) > figure.Tolerance).ToList();
}

using System.Runtime.InteropServices;

namespace Conformance.ProcessHost;

/// <summary>
/// The CPU time of every child the host has collected, the command and what it collected included
/// (<c>getrusage(RUSAGE_CHILDREN)</c>): after the command exits, its full CPU time, which sampling the
/// process table every so often would miss the last moments of.
/// </summary>
internal static partial class ChildrenUsage
{
    private const int ReapedChildren = -1;

    /// <summary>User plus system time of the collected children; null where the platform cannot say.</summary>
    public static TimeSpan? CpuTime()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // struct rusage: ru_utime and ru_stime (two timevals of two longs each), then fourteen longs.
        Span<long> usage = stackalloc long[18];
        if (getrusage(ReapedChildren, ref MemoryMarshal.GetReference(usage)) != 0)
        {
            return null;
        }

        var microseconds = (usage[0] * 1_000_000) + usage[1] + (usage[2] * 1_000_000) + usage[3];
        return TimeSpan.FromMicroseconds(microseconds);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrusage(int who, ref long usage);
}

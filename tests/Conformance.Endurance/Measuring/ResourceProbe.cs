using System.Globalization;
using Conformance.Processes;

namespace Conformance.Endurance.Measuring;

/// <summary>Reads <see cref="ResourceFigures"/> of this process; the temp folder is the one the harness makes its pipes in.</summary>
internal sealed class ResourceProbe(string tempDirectory)
{
    private const string PipeSocketPrefix = "CoreFxPipe_";

    /// <summary>Collects fully, then reads every figure.</summary>
    public ResourceFigures Read()
    {
        // Counted after the collection and its finalizers: a socket nobody disposed but nobody holds either is
        // closed by then, as it would be in any long run; what still counts is what something still holds.
        var heap = CollectFully();
        var descendants = ProcessTable.Descendants(Environment.ProcessId);
        var entries = Directory.GetFileSystemEntries(tempDirectory).Select(path => Path.GetFileName(path)!).ToList();
        var sockets = entries.Count(name => name.StartsWith(PipeSocketPrefix, StringComparison.Ordinal));
        return new ResourceFigures(
            FileDescriptors(),
            descendants.Count(process => !process.IsZombie),
            descendants.Count(process => process.IsZombie),
            sockets,
            entries.Count - sockets,
            Threads(),
            Timer.ActiveCount,
            heap)
        {
            DescriptorKinds = ResourceKinds.Descriptors(),
            ThreadKinds = ResourceKinds.Threads(),
            TempEntryKinds = ResourceKinds.TempEntries(entries),
        };
    }

    private static long CollectFully()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long FileDescriptors()
    {
        if (OperatingSystem.IsLinux())
        {
            // The enumeration's own descriptor is among them, in every measurement alike.
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").LongCount();
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.HandleCount;
    }

    private static long Threads()
    {
        if (OperatingSystem.IsLinux())
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    return long.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.Threads.Count;
    }
}

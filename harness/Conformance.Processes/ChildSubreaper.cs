using System.Runtime.InteropServices;

namespace Conformance.Processes;

/// <summary>
/// Linux: makes this process the "child subreaper" of its descendants, so a process that double-forks away
/// from the connector is re-parented here instead of to init, and stays inside the tree we can see and end.
/// </summary>
public static partial class ChildSubreaper
{
    private const int PrSetChildSubreaper = 36;
    private static int s_enabled;

    /// <summary>Enables it once per process; false where the platform has no such thing.</summary>
    public static bool TryEnable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (Volatile.Read(ref s_enabled) == 1)
        {
            return true;
        }

        var ok = prctl(PrSetChildSubreaper, 1, 0, 0, 0) == 0;
        if (ok)
        {
            Volatile.Write(ref s_enabled, 1);
        }

        return ok;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}

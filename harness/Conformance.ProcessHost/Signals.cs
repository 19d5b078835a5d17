using System.Runtime.InteropServices;

namespace Conformance.ProcessHost;

/// <summary>Sends SIGKILL by pid: the one signal a process can neither catch nor ignore.</summary>
internal static partial class Signals
{
    private const int SigKill = 9;

    /// <summary>True when the signal was delivered.</summary>
    public static bool Kill(int processId) => OperatingSystem.IsWindows() ? false : kill(processId, SigKill) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int processId, int signal);
}

using System.Runtime.InteropServices;

namespace Conformance.Processes;

/// <summary>
/// Reaps processes this process adopted as child subreaper. .NET reaps only the children it started, so an
/// adopted descendant that was ended would otherwise stay a zombie until the harness exits.
/// </summary>
public static partial class ZombieReaper
{
    private const int NoHang = 1;

    /// <summary>Collects the exit status of <paramref name="processId"/> if it is an exited child; never blocks.</summary>
    /// <remarks>Call only for children not started through <see cref="System.Diagnostics.Process"/>, which reaps its own.</remarks>
    public static void TryReap(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = waitpid(processId, out _, NoHang);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int processId, out int status, int options);
}

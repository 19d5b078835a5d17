using System.Runtime.InteropServices;

namespace Conformance.Protocols.Transport;

/// <summary>The account this process runs as, on Unix.</summary>
internal static partial class UnixUser
{
    /// <summary>The effective user id.</summary>
    public static uint EffectiveUserId => geteuid();

    [LibraryImport("libc")]
    private static partial uint geteuid();
}

using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Conformance.Protocols.Transport;

/// <summary>Opens a Windows pipe the plain way, for the system's own answer: ERROR_PIPE_BUSY (231) when every instance is taken (NP-03).</summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsPipeOpen
{
    /// <summary>The system's answer when every instance of a pipe is taken.</summary>
    public const int ErrorPipeBusy = 231;

    private const uint GenericRead = 0x80000000;
    private const uint GenericWrite = 0x40000000;
    private const uint OpenExisting = 3;

    /// <summary>Opens <paramref name="name"/> for reading and writing once, closes it again, and returns 0, or the Win32 error the open met.</summary>
    public static int ErrorOf(string name)
    {
        PipeName.Validate(name);
        using var handle = CreateFileW(PipeName.FullPath(name), GenericRead | GenericWrite, 0, IntPtr.Zero, OpenExisting, 0, IntPtr.Zero);
        return handle.IsInvalid ? Marshal.GetLastPInvokeError() : 0;
    }

    [LibraryImport("kernel32.dll", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    private static partial SafeFileHandle CreateFileW(string fileName, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Conformance.Protocols.Transport;

/// <summary>Accounts on Unix: the one this process runs as, and the one that owns a file (NP-07).</summary>
internal static partial class UnixUser
{
    // statx(2) has one layout on every Linux architecture: stx_uid is the 32-bit field at offset 20.
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const int StatxBufferBytes = 256;
    private const int StatxUidOffset = 20;

    /// <summary>The effective user id.</summary>
    public static uint EffectiveUserId => geteuid();

    /// <summary>The user id owning <paramref name="path"/> itself (a link is not followed); null where the platform cannot tell.</summary>
    /// <exception cref="IOException">The path cannot be examined.</exception>
    public static uint? OwnerOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxBufferBytes];
        if (statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxUid, buffer) != 0)
        {
            throw new IOException($"Cannot examine {path}: error {Marshal.GetLastPInvokeError()}.");
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(StatxUidOffset));
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}

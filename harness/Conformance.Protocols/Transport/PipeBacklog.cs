using System.IO.Pipes;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Conformance.Protocols.Transport;

/// <summary>
/// How much of what was written to a pipe its reader has not yet taken, so a writer that cuts its bytes into pieces
/// can hand over each piece only once the reader has taken the last, and the reader meets every cut whatever the
/// machine's load. On Linux both ends of an anonymous pipe answer FIONREAD with the bytes waiting in it, and a Unix
/// socket answers SIOCOUTQ with what it sent that its peer has not read; elsewhere it cannot be known.
/// </summary>
internal static partial class PipeBacklog
{
    private const nuint FionRead = 0x541B;
    private const nuint SocketOutQueue = 0x5411;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    /// <summary>The bytes written to <paramref name="stream"/> that its reader has not taken; null where that cannot be known.</summary>
    public static int? Unread(Stream stream) => stream switch
    {
        _ when !OperatingSystem.IsLinux() => null,
        PipeStream pipe => Query(pipe.SafePipeHandle, FionRead),
        NetworkStream { Socket.AddressFamily: AddressFamily.Unix } network => Query(network.Socket.SafeHandle, SocketOutQueue),
        _ => null,
    };

    private static int? Query(SafeHandle handle, nuint request)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return ioctl((int)handle.DangerousGetHandle(), request, out var waiting) == 0 ? waiting : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Waits until the reader has taken everything written to <paramref name="stream"/>, at most <paramref name="bound"/>.
    /// True once it has; false when the bound passed first or the backlog cannot be known.
    /// </summary>
    public static async Task<bool> WaitUntilTakenAsync(Stream stream, TimeSpan bound, CancellationToken cancellation)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Unread(stream) is { } waiting)
        {
            if (waiting == 0)
            {
                return true;
            }

            if (TimeProvider.System.GetElapsedTime(started) >= bound)
            {
                return false;
            }

            // Polling a kernel counter: a pipe offers no readiness event for "emptied".
            await Task.Delay(Poll, cancellation).ConfigureAwait(false);
        }

        return false;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int descriptor, nuint request, out int value);
}

using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Conformance.Processes;

/// <summary>
/// How much of what was written to a pipe its reader has not yet taken. On Linux both ends of a pipe answer
/// FIONREAD with the bytes waiting in it, so the writer can tell when the reader has caught up; elsewhere it cannot.
/// </summary>
public static partial class PipeBacklog
{
    private const nuint FionRead = 0x541B;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    /// <summary>The bytes waiting in the pipe behind <paramref name="stream"/>; null where that cannot be known.</summary>
    public static int? Unread(Stream stream)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe)
        {
            return null;
        }

        var handle = pipe.SafePipeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return ioctl((int)handle.DangerousGetHandle(), FionRead, out var waiting) == 0 ? waiting : null;
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

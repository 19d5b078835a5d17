using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Conformance.Processes;

/// <summary>
/// Windows: a named job object that kills every member when its last handle closes. The process host puts
/// itself in one before it starts the command, so every process the command starts inherits it; the harness
/// asks it by name whether a process belongs to the command's tree.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed partial class WindowsJob : IDisposable
{
    private const int JobObjectBasicProcessIdList = 3;
    private const int JobObjectExtendedLimitInformation = 9;
    private const uint KillOnJobClose = 0x2000;
    private const uint JobObjectQuery = 0x0004;
    private const uint ProcessTerminate = 0x0001;
    private const uint ProcessQueryLimitedInformation = 0x1000;
    private readonly nint _handle;

    private WindowsJob(nint handle) => _handle = handle;

    /// <summary>The job's name for the host <paramref name="hostProcessId"/>.</summary>
    public static string NameFor(int hostProcessId) => string.Create(CultureInfo.InvariantCulture, $@"Local\conformance-host-{hostProcessId}");

    /// <summary>Creates the host's job, kill-on-close, and puts the calling process in it.</summary>
    public static WindowsJob CreateKillOnClose()
    {
        var handle = CreateJobObjectW(0, NameFor(Environment.ProcessId));
        if (handle == 0)
        {
            throw new InvalidOperationException($"CreateJobObject failed ({Marshal.GetLastPInvokeError()}).");
        }

        var limits = new ExtendedLimitInformation { BasicLimitInformation = new BasicLimitInformation { LimitFlags = KillOnJobClose } };
        var size = Marshal.SizeOf<ExtendedLimitInformation>();
        if (!SetInformationJobObject(handle, JobObjectExtendedLimitInformation, ref limits, (uint)size) || !AssignProcessToJobObject(handle, GetCurrentProcess()))
        {
            var error = Marshal.GetLastPInvokeError();
            CloseHandle(handle);
            throw new InvalidOperationException($"Setting up the job object failed ({error}).");
        }

        return new WindowsJob(handle);
    }

    /// <summary>True when <paramref name="processId"/> is in the job of host <paramref name="hostProcessId"/>.</summary>
    public static bool Contains(int hostProcessId, int processId)
    {
        var job = OpenJobObjectW(JobObjectQuery, false, NameFor(hostProcessId));
        if (job == 0)
        {
            return false;
        }

        try
        {
            var process = OpenProcess(ProcessQueryLimitedInformation, false, (uint)processId);
            if (process == 0)
            {
                return false;
            }

            try
            {
                return IsProcessInJob(process, job, out var inJob) && inJob;
            }
            finally
            {
                CloseHandle(process);
            }
        }
        finally
        {
            CloseHandle(job);
        }
    }

    /// <summary>Terminates every member but the calling process, until none is left; returns how many were ended.</summary>
    public int TerminateAllButThisProcess()
    {
        var ended = new HashSet<int>();
        for (var round = 0; round < 100; round++)
        {
            var others = Members().Where(pid => pid != Environment.ProcessId).ToList();
            if (others.Count == 0)
            {
                break;
            }

            foreach (var pid in others)
            {
                var process = OpenProcess(ProcessTerminate, false, (uint)pid);
                if (process != 0)
                {
                    if (TerminateProcess(process, 1))
                    {
                        ended.Add(pid);
                    }

                    CloseHandle(process);
                }
            }
        }

        return ended.Count;
    }

    public void Dispose() => CloseHandle(_handle);

    private List<int> Members()
    {
        const int Capacity = 4096;
        var buffer = Marshal.AllocHGlobal(8 + (Capacity * IntPtr.Size));
        try
        {
            if (!QueryInformationJobObject(_handle, JobObjectBasicProcessIdList, buffer, (uint)(8 + (Capacity * IntPtr.Size)), 0))
            {
                return [];
            }

            var count = Marshal.ReadInt32(buffer, 4);
            return Enumerable.Range(0, count).Select(index => (int)Marshal.ReadIntPtr(buffer, 8 + (index * IntPtr.Size))).ToList();
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct BasicLimitInformation
    {
        public long PerProcessUserTimeLimit;
        public long PerJobUserTimeLimit;
        public uint LimitFlags;
        public nuint MinimumWorkingSetSize;
        public nuint MaximumWorkingSetSize;
        public uint ActiveProcessLimit;
        public nuint Affinity;
        public uint PriorityClass;
        public uint SchedulingClass;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoCounters
    {
        public ulong ReadOperationCount;
        public ulong WriteOperationCount;
        public ulong OtherOperationCount;
        public ulong ReadTransferCount;
        public ulong WriteTransferCount;
        public ulong OtherTransferCount;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ExtendedLimitInformation
    {
        public BasicLimitInformation BasicLimitInformation;
        public IoCounters IoInfo;
        public nuint ProcessMemoryLimit;
        public nuint JobMemoryLimit;
        public nuint PeakProcessMemoryUsed;
        public nuint PeakJobMemoryUsed;
    }

    [LibraryImport("kernel32.dll", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial nint CreateJobObjectW(nint attributes, string name);

    [LibraryImport("kernel32.dll", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial nint OpenJobObjectW(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, string name);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool SetInformationJobObject(nint job, int infoClass, ref ExtendedLimitInformation info, uint length);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool QueryInformationJobObject(nint job, int infoClass, nint info, uint length, nint returned);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool AssignProcessToJobObject(nint job, nint process);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool IsProcessInJob(nint process, nint job, [MarshalAs(UnmanagedType.Bool)] out bool result);

    [LibraryImport("kernel32.dll")]
    private static partial nint GetCurrentProcess();

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial nint OpenProcess(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, uint processId);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool TerminateProcess(nint process, uint exitCode);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CloseHandle(nint handle);
}

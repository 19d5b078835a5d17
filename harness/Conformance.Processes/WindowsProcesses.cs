using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Conformance.Processes;

/// <summary>
/// The Windows process table: parent ids from a Toolhelp snapshot, times from the process objects, and
/// command lines from NtQueryInformationProcess (ProcessCommandLineInformation, Windows 8.1 and later).
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsProcesses
{
    private const uint SnapProcess = 0x00000002;
    private const uint ProcessQueryLimitedInformation = 0x1000;
    private const int ProcessCommandLineInformation = 60;
    private static readonly nint InvalidHandle = -1;

    public static IReadOnlyList<int> ProcessIds() => Snapshot().Keys.ToList();

    public static ProcessSnapshot? TryRead(int processId)
    {
        if (!Snapshot().TryGetValue(processId, out var parent))
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            var exited = process.HasExited;
            var start = (ulong)process.StartTime.ToFileTimeUtc();
            return new ProcessSnapshot(processId, parent, exited, start, process.TotalProcessorTime, CommandLine(processId));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exists in the snapshot but cannot be opened (another account's): known, but without details.
            return new ProcessSnapshot(processId, parent, false, 0, TimeSpan.Zero, []);
        }
    }

    private static Dictionary<int, int> Snapshot()
    {
        var parents = new Dictionary<int, int>();
        var snapshot = CreateToolhelp32Snapshot(SnapProcess, 0);
        if (snapshot == InvalidHandle)
        {
            return parents;
        }

        try
        {
            var entry = new ProcessEntry32 { Size = (uint)Marshal.SizeOf<ProcessEntry32>() };
            for (var more = Process32FirstW(snapshot, ref entry); more; more = Process32NextW(snapshot, ref entry))
            {
                parents[(int)entry.ProcessId] = (int)entry.ParentProcessId;
            }
        }
        finally
        {
            CloseHandle(snapshot);
        }

        return parents;
    }

    private static IReadOnlyList<string> CommandLine(int processId)
    {
        var handle = OpenProcess(ProcessQueryLimitedInformation, false, (uint)processId);
        if (handle == 0)
        {
            return [];
        }

        try
        {
            // The first call says how big the UNICODE_STRING and its text are; the second fills them in.
            _ = NtQueryInformationProcess(handle, ProcessCommandLineInformation, 0, 0, out var needed);
            if (needed <= 0)
            {
                return [];
            }

            var buffer = Marshal.AllocHGlobal(needed);
            try
            {
                if (NtQueryInformationProcess(handle, ProcessCommandLineInformation, buffer, needed, out _) != 0)
                {
                    return [];
                }

                // UNICODE_STRING: ushort Length (bytes), ushort MaximumLength, then the text pointer, pointer-aligned.
                var bytes = (ushort)Marshal.ReadInt16(buffer);
                var text = Marshal.ReadIntPtr(buffer, IntPtr.Size);
                return bytes == 0 || text == 0 ? [] : [Marshal.PtrToStringUni(text, bytes / 2)];
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }
        finally
        {
            CloseHandle(handle);
        }
    }

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    private struct ProcessEntry32
    {
        public uint Size;
        public uint Usage;
        public uint ProcessId;
        public nint DefaultHeapId;
        public uint ModuleId;
        public uint Threads;
        public uint ParentProcessId;
        public int PriorityClassBase;
        public uint Flags;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 260)]
        public string ExeFile;
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial nint CreateToolhelp32Snapshot(uint flags, uint processId);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool Process32FirstW(nint snapshot, ref ProcessEntry32 entry);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool Process32NextW(nint snapshot, ref ProcessEntry32 entry);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CloseHandle(nint handle);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial nint OpenProcess(uint access, [MarshalAs(UnmanagedType.Bool)] bool inheritHandle, uint processId);

    [LibraryImport("ntdll.dll")]
    private static partial int NtQueryInformationProcess(nint process, int informationClass, nint information, int length, out int returnLength);
}

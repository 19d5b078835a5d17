using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Conformance.Processes;

namespace Conformance.ProcessHost;

/// <summary>
/// One hosted command from start to end: contain, start, report the pid and the exit, and end everything
/// below the host when the harness asks or its control pipe breaks. The host writes nothing to standard
/// output or error: those belong to the command, which inherits them.
/// </summary>
internal static class HostSession
{
    private static readonly TimeSpan ControlConnectBound = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var controlName = Environment.GetEnvironmentVariable(ProcessHostProtocol.ControlVariable);
        if (controlName is null || args.Length == 0)
        {
            await Console.Error.WriteLineAsync("conformance-host is started by the conformance harness, with its control pipe in CONFORMANCE_HOST_CONTROL and a command to run.");
            return ProcessHostProtocol.UsageExitCode;
        }

        // Contain first, so that even a command that detaches at once stays below the host.
        using var containment = Containment.Enter();
        await using var control = await ControlChannel.ConnectAsync(controlName, ControlConnectBound);
        Process target;
        try
        {
            target = Start(args);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            await control.SendAsync($"{ProcessHostProtocol.Failed} {Reason(exception)}");
            return 1;
        }

        using (target)
        {
            await control.SendAsync(string.Create(CultureInfo.InvariantCulture, $"{ProcessHostProtocol.Started} {target.Id}"));
            using var stop = new CancellationTokenSource();
            var collecting = OrphanCollector.RunAsync(target.Id, stop.Token);

            // "end" (or the harness's end of the pipe going away) ends it all. An exit is reported only when it
            // comes first: once the harness has asked for the end, the command's death is the harness's doing.
            var end = control.WaitForEndAsync();
            var exit = target.WaitForExitAsync();
            if (await Task.WhenAny(end, exit) == exit)
            {
                // With the command's CPU time, collected with it: a sample of the process table would miss its last moments.
                var cpu = ChildrenUsage.CpuTime() is { } used ? string.Create(CultureInfo.InvariantCulture, $" {(long)used.TotalMilliseconds}") : "";
                await control.SendAsync(string.Create(CultureInfo.InvariantCulture, $"{ProcessHostProtocol.Exited} {target.ExitCode}{cpu}"));
                await end;
            }

            await stop.CancelAsync();
            await collecting;
            var ended = await TreeEnd.EndEverythingBelowAsync(containment, target);
            await control.SendAsync(string.Create(CultureInfo.InvariantCulture, $"{ProcessHostProtocol.Ended} {ended}"));
        }

        return 0;
    }

    // The host runs without resource strings (it starts faster), so an exception's own message is a bare resource
    // key; the operating system's words for the error say what went wrong ("Exec format error").
    private static string Reason(Exception exception) => exception is Win32Exception { NativeErrorCode: not 0 } win32
        ? Marshal.GetPInvokeErrorMessage(win32.NativeErrorCode)
        : exception.Message;

    private static Process Start(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove(ProcessHostProtocol.ControlVariable);
        return Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start.");
    }
}

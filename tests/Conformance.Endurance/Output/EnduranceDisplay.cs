using System.Globalization;
using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;
using Spectre.Console;

namespace Conformance.Endurance.Output;

/// <summary>Shows the check as it goes: live progress bars on a terminal, plain lines otherwise (logs, CI).</summary>
internal abstract class EnduranceDisplay
{
    public static EnduranceDisplay For(EnduranceOptions options) =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
            ? new LiveDisplay(options.Sessions, options.Scenarios)
            : new PlainDisplay(Console.Out, options.Sessions, options.Scenarios);

    public abstract Task<T> RunAsync<T>(Func<Task<T>> work);

    public abstract void Note(string text);

    public abstract void Measured(string stage, ResourceFigures figures);

    public abstract void SessionEnded(WorkTally sessions, string? failure);

    public abstract void CertificationEnded(WorkTally certifications, int scenarios, TimeSpan took, string? failure);

    protected static string Describe(string stage, ResourceFigures figures) => string.Create(
        CultureInfo.InvariantCulture,
        $"{stage}: {figures.FileDescriptors} fds, {figures.LiveDescendants} live descendants, {figures.ZombieDescendants} zombies, " +
        $"{figures.PipeSockets} pipe sockets, {figures.OtherTempEntries} other temp entries, {figures.Threads} threads, " +
        $"{figures.ActiveTimers} timers, heap {figures.HeapBytes / (1024.0 * 1024):0.00} MiB");
}

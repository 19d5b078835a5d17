using System.ComponentModel;
using System.Diagnostics;
using Conformance.Protocols.Processes;

namespace Conformance.Engine.Processes;

/// <summary>
/// A process under test, watched from start to end: its output is drained and searched, its tree (command
/// lines included) is sampled while it runs, its CPU time is added up, and disposing ends the whole tree —
/// adopted double-forked descendants too — whatever happened.
/// </summary>
public sealed class SupervisedProcess : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly Dictionary<(int, ulong), TimeSpan> _cpuByProcess = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private SupervisedProcess(Process process, ProcessLaunch launch)
    {
        _process = process;
        ProcessId = process.Id;
        StartedAt = DateTimeOffset.UtcNow;
        Tree = new ProcessTreeRecorder(process.Id, launch.Marker);
        StandardOutput = new OutputCapture(process.StandardOutput.BaseStream, launch.WatchFor);
        StandardError = new OutputCapture(process.StandardError.BaseStream, launch.WatchFor);
        _ = WatchExitAsync();
        Tree.Sample();
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>The root process.</summary>
    public int ProcessId { get; }

    /// <summary>When it was started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the root exited, once it has.</summary>
    public DateTimeOffset? ExitedAt { get; private set; }

    /// <summary>Completes with the root's exit code when it exits.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Its standard output.</summary>
    public OutputCapture StandardOutput { get; }

    /// <summary>Its standard error.</summary>
    public OutputCapture StandardError { get; }

    /// <summary>Every process seen in its tree.</summary>
    public ProcessTreeRecorder Tree { get; }

    /// <summary>Starts a process as <paramref name="launch"/> says.</summary>
    /// <exception cref="InvalidOperationException">It could not be started; the message says what and why.</exception>
    public static SupervisedProcess Start(ProcessLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var start = ProcessCommand.StartInfo(ResolveExecutable(launch.Command[0], launch.WorkingDirectory), launch.Command.Skip(1), launch.Environment);
        start.WorkingDirectory = launch.WorkingDirectory;
        ChildSubreaper.TryEnable();
        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{launch.Command[0]} did not start.");
            return new SupervisedProcess(process, launch);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start {launch.Command[0]} in {launch.WorkingDirectory}: {exception.Message}", exception);
        }
    }

    /// <summary>CPU time used by every process of the tree so far (sampled).</summary>
    public TimeSpan CpuTime()
    {
        Sample();
        lock (_gate)
        {
            return _cpuByProcess.Values.Aggregate(TimeSpan.Zero, (sum, cpu) => sum + cpu);
        }
    }

    /// <summary>Ends every process of the tree and waits (bounded) until they are gone.</summary>
    public async Task KillTreeAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var alive = Tree.Sample().Where(Tree.IsSameProcess).ToList();
            if (!_process.HasExited)
            {
                TryKill(() => _process.Kill(entireProcessTree: true));
            }

            foreach (var member in alive)
            {
                TryKill(() =>
                {
                    using var process = Process.GetProcessById(member.ProcessId);
                    process.Kill();
                });
            }

            ReapAdoptedZombies();
            if (alive.Count == 0 && _process.HasExited)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await KillTreeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone with the process.
        }

        await Task.WhenAll(StandardOutput.Completion, StandardError.Completion).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
        _stop.Dispose();
    }

    private async Task WatchExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        ExitedAt = DateTimeOffset.UtcNow;
        _exited.TrySetResult(_process.ExitCode);
    }

    private async Task SampleAsync()
    {
        using var ticker = new PeriodicTimer(SampleInterval);
        try
        {
            while (await ticker.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void Sample()
    {
        var alive = Tree.Sample();
        lock (_gate)
        {
            foreach (var member in alive)
            {
                _cpuByProcess[(member.ProcessId, member.StartTime)] = member.CpuTime;
            }
        }

        ReapAdoptedZombies();
    }

    private void ReapAdoptedZombies()
    {
        // Only this tree's own exited members that the harness adopted: never a pid since reused by another child.
        foreach (var descendant in Tree.Descendants)
        {
            if (ProcessTable.TryRead(descendant) is { IsZombie: true } snapshot
                && snapshot.ParentProcessId == Environment.ProcessId
                && Tree.IsSameProcess(snapshot))
            {
                ZombieReaper.TryReap(descendant);
            }
        }
    }

    private static string ResolveExecutable(string executable, string workingDirectory) =>
        executable.Contains('/') || executable.Contains('\\')
            ? Path.GetFullPath(Path.Combine(workingDirectory, executable))
            : executable;

    private static void TryKill(Action kill)
    {
        try
        {
            kill();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or Win32Exception or NotSupportedException)
        {
            // Exited between the sample and the kill.
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipelines;
using Conformance.Protocols.Transport;

namespace Conformance.Processes;

/// <summary>
/// A process under test, started below a process host and watched from start to end: its output is drained
/// and searched, its tree (command lines included) is sampled while it runs, its CPU time is added up, and
/// ending it ends everything it started — double-forked, re-sessioned or orphaned descendants too — before
/// <see cref="EndAsync"/> returns.
/// </summary>
public sealed class SupervisedProcess : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan HostReportBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EndBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(5);

    // How long a channel's reader that still reads is given for the process's last output. A reader that has
    // stopped completes its end of the channel, which ends forwarding at once, so only a slow reader (a loaded
    // machine) ever waits this out; 250 ms was seen to cut off a frame the reader had not yet reached.
    private static readonly TimeSpan ForwardGrace = TimeSpan.FromSeconds(5);
    private readonly Process _host;
    private readonly HostControl _control;
    private readonly Dictionary<(int, ulong), TimeSpan> _cpuByProcess = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopSampling = new();
    private readonly Task _sampling;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<Task> _ending;
    private readonly IReadOnlyList<string> _pipesItServes;
    private TimeSpan? _cpuAtExit;
    private readonly IDisposable _startup;
    private int _disposed;

    private SupervisedProcess(Process host, HostControl control, int processId, ProcessLaunch launch, DateTimeOffset startedAt, IDisposable startup)
    {
        _startup = startup;
        _host = host;
        _control = control;
        ProcessId = processId;
        HostProcessId = host.Id;
        StartedAt = startedAt;
        Tree = new ProcessTreeRecorder(processId, host.Id);
        _pipesItServes = launch.PipesItServes ?? [];
        var channel = launch.StandardOutputIsChannel ? new Pipe() : null;
        StandardOutputChannel = channel?.Reader;
        StandardOutput = new OutputCapture(host.StandardOutput.BaseStream, launch.WatchFor, channel?.Writer);
        StandardError = new OutputCapture(host.StandardError.BaseStream, launch.WatchFor);
        StandardInput = host.StandardInput.BaseStream;
        _ = control.Exited.ContinueWith(
            exit =>
            {
                _startup.Dispose();
                ExitedAt = DateTimeOffset.UtcNow;
                _cpuAtExit = exit.Result.Cpu;
                _exited.TrySetResult(exit.Result.Code);
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        _ending = new Lazy<Task>(EndOnceAsync, LazyThreadSafetyMode.ExecutionAndPublication);
        Tree.Sample();
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>The command's own process.</summary>
    public int ProcessId { get; }

    /// <summary>The process host above it, which contains everything it starts.</summary>
    public int HostProcessId { get; }

    /// <summary>When it was started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When it exited of its own accord; null while it runs, or when the harness ended it.</summary>
    public DateTimeOffset? ExitedAt { get; private set; }

    /// <summary>Completes with the exit code when the command exits of its own accord; never when the harness ends it.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>True once <see cref="EndAsync"/> has ended it while it was still running.</summary>
    public bool EndedByHarness { get; private set; }

    /// <summary>How many processes of the tree were still running when the harness ended it (null until then, or when unknown).</summary>
    public int? ProcessesEnded { get; private set; }

    /// <summary>Its standard input: what the harness writes, the command reads.</summary>
    public Stream StandardInput { get; }

    /// <summary>Its standard output.</summary>
    public OutputCapture StandardOutput { get; }

    /// <summary>
    /// Its standard output as a byte stream, when it was launched with <see cref="ProcessLaunch.StandardOutputIsChannel"/>:
    /// every byte, in order, also counted and searched by <see cref="StandardOutput"/>; it completes at the end of
    /// the output. The reader must read it (or complete it), since the process waits for the reader like on a pipe.
    /// </summary>
    public PipeReader? StandardOutputChannel { get; }

    /// <summary>Its standard error.</summary>
    public OutputCapture StandardError { get; }

    /// <summary>Every process seen in its tree.</summary>
    public ProcessTreeRecorder Tree { get; }

    /// <summary>Starts <paramref name="launch"/>'s command below a fresh process host.</summary>
    /// <exception cref="ProcessStartException">It could not be started; the message says what and why.</exception>
    public static async Task<SupervisedProcess> StartAsync(ProcessLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (launch.Command.Count == 0 || launch.Command[0].Length == 0)
        {
            throw new ProcessStartException("The command is empty.");
        }

        // A second line of defence: should the host itself be killed, its orphans come to the harness.
        ChildSubreaper.TryEnable();
        var controlName = PipeName.NewUnique("host");
        await using var server = PipeServer.Listen(controlName);
        // On Unix the socket's full path: a launch may give the host another TMPDIR, where the name alone would not lead back here.
        var controlAddress = OperatingSystem.IsWindows() ? controlName : PipeName.UnixSocketPath(controlName);
        var environment = launch.Environment.Append(KeyValuePair.Create(ProcessHostProtocol.ControlVariable, (string?)controlAddress));
        var command = ResolveExecutable(launch.Command[0], launch.WorkingDirectory);
        var hostCommand = DotnetHost.Command(ProcessHostProtocol.AssemblyFile, "The process host");
        var start = ProcessCommand.StartInfo(hostCommand[0], [.. hostCommand.Skip(1), command, .. launch.Command.Skip(1)], environment);
        start.WorkingDirectory = launch.WorkingDirectory;
        var startedAt = DateTimeOffset.UtcNow;
        var startup = StartupLull.Shared.Begin();
        Process host;
        try
        {
            host = Process.Start(start) ?? throw new ProcessStartException("The process host did not start.");
        }
        catch (Win32Exception exception)
        {
            startup.Dispose();
            throw new ProcessStartException($"Could not start the process host in {launch.WorkingDirectory}: {exception.Message}", exception);
        }

        try
        {
            var (control, processId) = await HostControl.AcceptAsync(server, host.WaitForExitAsync(cancellationToken), HostReportBound, cancellationToken).ConfigureAwait(false);
            return new SupervisedProcess(host, control, processId, launch, startedAt, startup);
        }
        catch (ProcessStartException exception)
        {
            startup.Dispose();
            await EndHostAsync(host).ConfigureAwait(false);
            throw new ProcessStartException($"Could not start {launch.Command[0]} in {launch.WorkingDirectory}: {exception.Message}", exception);
        }
        catch
        {
            startup.Dispose();
            await EndHostAsync(host).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Says the command has started up (a server accepts connections, a client has connected): it no longer counts
    /// as a start under way for <see cref="StartupLull"/>. An exit or the end says so too.
    /// </summary>
    public void MarkReady() => _startup.Dispose();

    /// <summary>
    /// CPU time used by every process of the tree so far: sampled while the command runs; once it has exited,
    /// what the host collected with it (exact) plus what the members still running have used.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var alive = _ending.IsValueCreated ? [] : Sample();
        lock (_gate)
        {
            return _cpuAtExit is { } collected && _exited.Task.IsCompleted
                ? alive.Where(member => member.ProcessId != ProcessId).Aggregate(collected, (sum, member) => sum + member.CpuTime)
                : _cpuByProcess.Values.Aggregate(TimeSpan.Zero, (sum, cpu) => sum + cpu);
        }
    }

    /// <summary>True when <paramref name="processId"/> is the command or any process below its host now.</summary>
    public bool Contains(int processId)
    {
        if (processId == HostProcessId)
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            ? WindowsJob.Contains(HostProcessId, processId)
            : processId == ProcessId || ProcessTable.Ancestors(processId).Contains(HostProcessId);
    }

    /// <summary>
    /// Ends every process of the tree and waits (bounded) until the host confirms none is left; the output is
    /// drained to its end. Calling it again waits for the same end.
    /// </summary>
    public Task EndAsync() => _ending.Value;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await EndAsync().ConfigureAwait(false);
        }
        finally
        {
            await _control.DisposeAsync().ConfigureAwait(false);
            _host.Dispose();
            _stopSampling.Dispose();
        }
    }

    private async Task EndOnceAsync()
    {
        _startup.Dispose();
        var runningAtEnd = !_exited.Task.IsCompleted;
        Sample();
        await _stopSampling.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        ProcessesEnded = await _control.EndAsync(EndBound).ConfigureAwait(false);
        EndedByHarness = runningAtEnd && !_exited.Task.IsCompleted;
        if (ProcessesEnded is null)
        {
            // The host did not answer (it was killed, or hangs): end its tree and what was seen of ours directly.
            await EndHostAsync(_host).ConfigureAwait(false);
            KillSeenMembers();
        }

        try
        {
            await _host.WaitForExitAsync().WaitAsync(EndBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await EndHostAsync(_host).ConfigureAwait(false);
        }

        RemoveSocketFilesOfPipesItServed();

        // What the process wrote before it ended still reaches the channel's reader (a DCV extension's last frame,
        // cut off by its exit, is judged as such); a reader that neither reads nor lets go is not waited for beyond
        // the grace: the rest is drained without it.
        if (StandardOutputChannel is not null)
        {
            try
            {
                await StandardOutput.Completion.WaitAsync(ForwardGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The reader is not keeping up: stop forwarding below.
            }
        }

        StandardOutput.StopForwarding();
        try
        {
            _host.StandardInput.Close();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Already gone with the host, or closed by whoever wrote to it (a protocol ends its channel so).
        }

        await Task.WhenAll(StandardOutput.Completion, StandardError.Completion).WaitAsync(DrainBound).ConfigureAwait(false);
    }

    private void RemoveSocketFilesOfPipesItServed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var pipe in _pipesItServes)
        {
            try
            {
                File.Delete(PipeName.UnixSocketPath(pipe));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another account's, or in use by a process that outlived the end: nothing of ours to clean.
            }
        }
    }

    private void KillSeenMembers()
    {
        foreach (var member in Tree.Seen)
        {
            if (ProcessTable.TryRead(member.ProcessId) is { IsZombie: false } now && now.StartTime == member.StartTime)
            {
                try
                {
                    using var process = Process.GetProcessById(member.ProcessId);
                    process.Kill();
                    RuntimeLeftovers.RemoveFor(member.ProcessId, member.StartTime);
                }
                catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or Win32Exception or NotSupportedException)
                {
                    // Gone between the look and the kill.
                }
            }

            if (ProcessTable.TryRead(member.ProcessId) is { IsZombie: true, ParentProcessId: var parent } && parent == Environment.ProcessId)
            {
                ZombieReaper.TryReap(member.ProcessId);
            }
        }
    }

    private static async Task EndHostAsync(Process host)
    {
        try
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            await host.WaitForExitAsync().WaitAsync(EndBound).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or TimeoutException)
        {
            // Gone already, or beyond reach: the caller reports what it can.
        }
    }

    private async Task SampleAsync()
    {
        using var ticker = new PeriodicTimer(SampleInterval);
        try
        {
            while (await ticker.WaitForNextTickAsync(_stopSampling.Token).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Ending.
        }
    }

    private IReadOnlyList<ProcessSnapshot> Sample()
    {
        var alive = Tree.Sample();
        lock (_gate)
        {
            foreach (var member in alive)
            {
                _cpuByProcess[(member.ProcessId, member.StartTime)] = member.CpuTime;
            }
        }

        return alive;
    }

    private static string ResolveExecutable(string executable, string workingDirectory) =>
        executable.Contains('/') || executable.Contains('\\')
            ? Path.GetFullPath(Path.Combine(workingDirectory, executable))
            : executable;
}

using Conformance.Engine.Running;
using Conformance.Engine.Timing;

namespace Conformance.Engine.NamedPipes;

/// <summary>
/// A client connecting with the project's retry policy (NP-03) on a manual clock, over the scenario's real
/// pipe. The clock only moves when a step moves it, and each move waits for the client to make its attempt
/// and go back to waiting, so the times of its attempts are exact: the schedule, not the machine's speed.
/// </summary>
internal sealed class RetryingClient(PipeBench bench, ScenarioContext context)
{
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(10);
    private readonly List<TimeSpan> _attempts = [];
    private TaskCompletionSource _scheduled = NewSignal();
    private Task<Stream>? _connect;

    /// <summary>The clock the client waits on.</summary>
    public ManualTimeProvider Clock { get; } = new();

    /// <summary>When, on the manual clock, each attempt was made.</summary>
    public IReadOnlyList<TimeSpan> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>When the client connected or gave up; null while it is still trying.</summary>
    public TimeSpan? FinishedAt { get; private set; }

    /// <summary>The connection, once made.</summary>
    public Stream? Connected => _connect is { IsCompletedSuccessfully: true } done ? done.Result : null;

    /// <summary>Why it gave up, if it did.</summary>
    public Exception? Failure => _connect is { IsFaulted: true } failed ? failed.Exception!.InnerException : null;

    /// <summary>Starts connecting and waits until the first attempt is over.</summary>
    public async Task StartAsync()
    {
        // A refused attempt is followed by a pause: each pause scheduled marks an attempt at that instant.
        Clock.TimerScheduled += () =>
        {
            if (Clock.PendingTimers > 0)
            {
                Record(Clock.Elapsed);
            }

            Interlocked.Exchange(ref _scheduled, NewSignal()).TrySetResult();
        };
        Clock.AddQuietProbe(SettleAsync);
        _connect = bench.ConnectAsync(clock: Clock);
        _ = _connect.ContinueWith(
            _ =>
            {
                // The last attempt, which connected or after which the client gave up, has no pause after it.
                FinishedAt = Clock.Elapsed;
                Record(Clock.Elapsed);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        await SettleAsync().ConfigureAwait(false);
    }

    /// <summary>Moves the clock to <paramref name="at"/> since the start, the client attempting at each of its due times on the way.</summary>
    public Task AdvanceToAsync(TimeSpan at) => Clock.AdvanceAsync(at > Clock.Elapsed ? at - Clock.Elapsed : TimeSpan.Zero);

    /// <summary>
    /// After a timer fired (none pending), waits in real time until the client has made its attempt and either
    /// waits on a new timer or is done, so the clock never moves past an attempt still under way.
    /// </summary>
    private async Task SettleAsync()
    {
        var connect = _connect ?? throw new InvalidOperationException("The client has not started.");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        bound.CancelAfter(SettleBound);
        while (!connect.IsCompleted && Clock.PendingTimers == 0)
        {
            var scheduled = Volatile.Read(ref _scheduled).Task;
            if (connect.IsCompleted || Clock.PendingTimers > 0)
            {
                break;
            }

            await Task.WhenAny(scheduled, connect).WaitAsync(bound.Token).ConfigureAwait(false);
        }
    }

    private void Record(TimeSpan at)
    {
        lock (_attempts)
        {
            _attempts.Add(at);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

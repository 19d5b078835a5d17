using Microsoft.Extensions.Time.Testing;

namespace Conformance.Engine.Timing;

/// <summary>
/// The standard fake clock (<see cref="FakeTimeProvider"/>) with the one thing the suite adds: advancing
/// moves from one due timer to the next, and after each awaits the registered "quiet" probes, so the work a
/// timer hands to a queue has run before the next timer fires or the advance returns. No real time passes.
/// </summary>
internal sealed class ManualTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<DueTimer> _timers = [];
    private readonly List<Func<Task>> _quietProbes = [];

    /// <summary>Starts at <paramref name="start"/>, by default a fixed instant so transcripts are stable.</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
        : base(start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How far the clock has moved since it started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Raised after a timer is scheduled (created or changed), on that thread: how a driver learns that the code it steps has gone back to waiting.</summary>
    public event Action? TimerScheduled;

    /// <summary>How many timers are scheduled and have not fired.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(timer => timer.DueAt is not null);
            }
        }
    }

    /// <summary>Registers work to await after each timer fires, such as a session's "idle" signal.</summary>
    public void AddQuietProbe(Func<Task> probe)
    {
        lock (_gate)
        {
            _quietProbes.Add(probe);
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way, each at its own instant.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = GetUtcNow() + delta;
        while (NextDue(target) is { } due)
        {
            Advance(due - GetUtcNow());
            ForgetUnfired(due);
            await QuietAsync().ConfigureAwait(false);
        }

        Advance(target - GetUtcNow());
        await QuietAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // The fake keeps its timers to itself; this copy of each due time tells the advance where to stop next.
        var due = new DueTimer(this);
        due.Inner = base.CreateTimer(
            callbackState =>
            {
                due.Fired();
                callback(callbackState);
            },
            state,
            dueTime,
            period);
        due.Schedule(dueTime, period);
        return due;
    }

    private async Task QuietAsync()
    {
        List<Func<Task>> probes;
        lock (_gate)
        {
            probes = _quietProbes.ToList();
        }

        foreach (var probe in probes)
        {
            await probe().ConfigureAwait(false);
        }
    }

    /// <summary>A timer still due at an instant the fake has passed did not fire there (the fake fired it sooner): stop waiting for it.</summary>
    private void ForgetUnfired(DateTimeOffset passed)
    {
        lock (_gate)
        {
            foreach (var timer in _timers.Where(timer => timer.DueAt <= passed))
            {
                timer.Forget();
            }
        }
    }

    private DateTimeOffset? NextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            var due = _timers.Select(timer => timer.DueAt).Where(at => at is { } instant && instant <= target).Min();
            return due;
        }
    }

    private sealed class DueTimer(ManualTimeProvider clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; private set; }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
                if (!clock._timers.Contains(this))
                {
                    clock._timers.Add(this);
                }
            }

            clock.TimerScheduled?.Invoke();
        }

        public void Fired()
        {
            lock (clock._gate)
            {
                DueAt = _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero ? clock.GetUtcNow() + _period : null;
            }
        }

        public void Forget() => DueAt = null;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                DueAt = null;
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

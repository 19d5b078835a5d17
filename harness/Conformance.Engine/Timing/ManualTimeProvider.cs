namespace Conformance.Engine.Timing;

/// <summary>
/// A clock that moves only when told. Advancing fires due timers in order of their due time, each at its
/// own instant, and after each one awaits the registered "quiet" probes, so the work a timer hands to a
/// queue has run before the next timer fires or the advance returns. No real time passes.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<Func<Task>> _quietProbes = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Starts at <paramref name="start"/>, by default a fixed instant so transcripts are stable.</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Start = _now;
    }

    /// <summary>The instant the clock started at.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How far the clock has moved since it started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Registers work to await after each timer fires, such as a session's "idle" signal.</summary>
    public void AddQuietProbe(Func<Task> probe)
    {
        lock (_gate)
        {
            _quietProbes.Add(probe);
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (NextDue(target) is { } timer)
        {
            lock (_gate)
            {
                _now = timer.DueAt;
            }

            timer.Fire();
            await QuietAsync().ConfigureAwait(false);
        }

        lock (_gate)
        {
            _now = target;
        }

        await QuietAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
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

    private ManualTimer? NextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            return _timers.Where(timer => timer.DueAt <= target).OrderBy(timer => timer.DueAt).ThenBy(timer => timer.Sequence).FirstOrDefault();
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + dueTime;
            timer.Sequence = ++_sequence;
            _timers.Add(timer);
        }
    }

    private void Unschedule(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            // Periodic timers come round again before the callback, so a callback may still stop them.
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                clock.Schedule(this, _period);
            }
            else
            {
                clock.Unschedule(this);
            }

            callback(state);
        }

        public void Dispose() => clock.Unschedule(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

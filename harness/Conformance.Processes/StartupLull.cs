using Conformance.Protocols.Threading;

namespace Conformance.Processes;

/// <summary>
/// The executables being started under supervision right now. Starting one costs a burst of CPU (a runtime loading,
/// its first code compiled): a timed act that begins while a dozen others start is played and judged on a machine
/// its own harness has crowded. An act that times its peer waits (bounded) for the lull; a start counts from its
/// launch until its owner says it is ready, or for <see cref="Allowance"/> at most.
/// </summary>
public sealed class StartupLull(TimeProvider time)
{
    private readonly TimeProvider _time = time;

    /// <summary>The longest a start counts as under way when nobody says it is ready.</summary>
    public static readonly TimeSpan Allowance = TimeSpan.FromSeconds(3);

    private readonly ChangeSignal _changed = new();
    private int _starting;

    /// <summary>The one every <see cref="SupervisedProcess"/> of this process counts its start in.</summary>
    public static StartupLull Shared { get; } = new(TimeProvider.System);

    /// <summary>Start-ups under way now.</summary>
    public int Starting => Volatile.Read(ref _starting);

    /// <summary>Counts a start from now until the returned token is disposed, or <see cref="Allowance"/> has passed.</summary>
    public IDisposable Begin() => new Start(this);

    /// <summary>Waits until no start is under way, at most <paramref name="bound"/>; returns how long it waited.</summary>
    public async Task<TimeSpan> WaitAsync(TimeSpan bound, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        await _changed.WaitUntilAsync(() => Starting == 0, bound, cancellationToken).ConfigureAwait(false);
        return _time.GetElapsedTime(started);
    }

    private sealed class Start : IDisposable
    {
        private readonly StartupLull _lull;
        private readonly ITimer _expiry;
        private int _ended;

        public Start(StartupLull lull)
        {
            _lull = lull;
            Interlocked.Increment(ref lull._starting);
            _expiry = lull._time.CreateTimer(static state => ((Start)state!).Dispose(), this, Allowance, Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 1)
            {
                return;
            }

            _expiry.Dispose();
            Interlocked.Decrement(ref _lull._starting);
            _lull._changed.Notify();
        }
    }
}

namespace Conformance.Protocols.Transport;

/// <summary>
/// How a client retries a busy pipe (NP-03): the first retry after <see cref="FirstInterval"/>, each interval
/// double the last up to <see cref="MaxInterval"/>, giving up once <see cref="TotalWait"/> has passed.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The suite's defaults: 50 ms, doubling to 1 s, 10 s in all.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>The pause before the first retry.</summary>
    public TimeSpan FirstInterval { get; init => field = Positive(value, nameof(FirstInterval)); } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest pause between two attempts.</summary>
    public TimeSpan MaxInterval { get; init => field = Positive(value, nameof(MaxInterval)); } = TimeSpan.FromSeconds(1);

    /// <summary>How long, from the first attempt, the client keeps trying.</summary>
    public TimeSpan TotalWait { get; init => field = Positive(value, nameof(TotalWait)); } = TimeSpan.FromSeconds(10);

    /// <summary>The pause after failed attempt number <paramref name="attempt"/> (1 for the first), before any cut to the time left.</summary>
    public TimeSpan IntervalAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var interval = FirstInterval;
        for (var doubling = 1; doubling < attempt && interval < MaxInterval; doubling++)
        {
            interval += interval;
        }

        return interval < MaxInterval ? interval : MaxInterval;
    }

    /// <summary>The pauses made against a pipe that stays busy, if attempts took no time: the last is cut so they add up to <see cref="TotalWait"/>.</summary>
    public IEnumerable<TimeSpan> Intervals()
    {
        var left = TotalWait;
        for (var attempt = 1; left > TimeSpan.Zero; attempt++)
        {
            var interval = IntervalAfter(attempt);
            interval = interval < left ? interval : left;
            left -= interval;
            yield return interval;
        }
    }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "A retry interval or wait must be positive.");
}

namespace Conformance.Engine.PipeMessaging.Wire;

/// <summary>
/// How the harness's end of a connection times what happens. In real time it is the moment the harness sees
/// it; on an in-memory pipe under a manual clock it is the moment the other side wrote it, so a frame written
/// at 1000 ms is logged at 1000 ms however late the harness's reader ran.
/// </summary>
/// <param name="Now">The present.</param>
/// <param name="ReceivedAt">When the byte before a stream offset arrived (the end of a frame).</param>
/// <param name="ClosedAt">When the other side ended its stream.</param>
internal sealed record PeerClock(Func<TimeSpan> Now, Func<long, TimeSpan> ReceivedAt, Func<TimeSpan> ClosedAt)
{
    /// <summary>A clock for real time, from <paramref name="origin"/> (a started stopwatch).</summary>
    public static PeerClock Real(System.Diagnostics.Stopwatch origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return new PeerClock(() => origin.Elapsed, _ => origin.Elapsed, () => origin.Elapsed);
    }
}

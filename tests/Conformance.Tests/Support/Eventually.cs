namespace Conformance.Tests.Support;

/// <summary>
/// Waits for a condition the operating system gives no event for (a child appearing in the process table),
/// checking on a timer, never longer than a bound.
/// </summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<T?> probe, TimeSpan bound, string what)
        where T : struct
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await ticker.WaitForNextTickAsync();
        }

        throw new TimeoutException($"{what} did not happen within {bound.TotalSeconds} s");
    }
}

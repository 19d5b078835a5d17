namespace Conformance.Tests.Support;

/// <summary>
/// One gate for every test that certifies a real executable against the protocol's own deadlines (connectors, Pipe
/// Messaging roles, DCV extensions): at most two at once across the suite. Each certification runs several acts at
/// once; more than two together crowd a two-core machine until the harness itself misses the deadlines it judges.
/// </summary>
internal static class RealTimeCertifications
{
    private static readonly SemaphoreSlim Gate = new(2);

    /// <summary>Waits for a place; the caller gives it back with <see cref="Leave"/>. Skipped in a unit-only run.</summary>
    public static Task EnterAsync()
    {
        SlowTests.SkipWhenUnitOnly();
        return Gate.WaitAsync();
    }

    /// <summary>Gives a place back.</summary>
    public static void Leave() => Gate.Release();

    /// <summary>Runs <paramref name="certification"/> in a place of its own.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> certification)
    {
        await EnterAsync();
        try
        {
            return await certification();
        }
        finally
        {
            Leave();
        }
    }
}

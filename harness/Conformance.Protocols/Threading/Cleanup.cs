namespace Conformance.Protocols.Threading;

/// <summary>
/// Runs every step of a cleanup to the end, even when one throws or hangs: each step is bounded, and the
/// failures are gathered and thrown together once all steps have had their turn.
/// </summary>
internal static class Cleanup
{
    /// <summary>The bound of one step unless a caller gives another.</summary>
    public static readonly TimeSpan DefaultStepBound = TimeSpan.FromSeconds(15);

    /// <summary>Runs <paramref name="steps"/> in order, each within <see cref="DefaultStepBound"/>.</summary>
    /// <exception cref="AggregateException">One or more steps failed or overran; every step still ran.</exception>
    public static Task RunAllAsync(params Func<ValueTask>[] steps) => RunAllAsync(DefaultStepBound, steps);

    /// <summary>Runs <paramref name="steps"/> in order, each within <paramref name="stepBound"/>.</summary>
    /// <exception cref="AggregateException">One or more steps failed or overran; every step still ran.</exception>
    public static async Task RunAllAsync(TimeSpan stepBound, params Func<ValueTask>[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        List<Exception>? errors = null;
        foreach (var step in steps)
        {
            try
            {
                await step().AsTask().WaitAsync(stepBound).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }

        if (errors is not null)
        {
            throw new AggregateException("Cleaning up failed.", errors);
        }
    }
}

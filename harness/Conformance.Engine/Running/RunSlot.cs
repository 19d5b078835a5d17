namespace Conformance.Engine.Running;

/// <summary>
/// A scenario's share of the run's parallelism. A scenario that only waits for a recording another scenario
/// is making gives its slot back while it waits, so the slots go to work that runs executables.
/// </summary>
internal sealed class RunSlot
{
    private readonly SemaphoreSlim _slots;

    internal RunSlot(SemaphoreSlim slots) => _slots = slots;

    /// <summary>Waits for <paramref name="work"/> without holding the slot, then takes a slot back.</summary>
    public async Task<T> YieldWhileAsync<T>(Task<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        _slots.Release();
        try
        {
            return await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

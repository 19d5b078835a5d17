using Conformance.Protocols.Threading;

namespace Conformance.Reference.Dcv;

/// <summary>The broker's log: append-only, thread-safe, and awaitable for a condition.</summary>
public sealed class DcvBrokerJournal
{
    private readonly Lock _gate = new();
    private readonly List<DcvBrokerJournalEntry> _entries = [];
    private readonly ChangeSignal _changed = new();

    /// <summary>A copy of the entries so far, in order.</summary>
    public IReadOnlyList<DcvBrokerJournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToList();
            }
        }
    }

    /// <summary>The entries of one kind so far.</summary>
    public IReadOnlyList<T> OfType<T>()
        where T : DcvBrokerJournalEntry => Entries.OfType<T>().ToList();

    /// <summary>Appends an entry.</summary>
    public void Add(DcvBrokerJournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _changed.Notify();
    }

    /// <summary>Waits until an entry of type <typeparamref name="T"/> matching <paramref name="match"/> is logged, at most <paramref name="bound"/>.</summary>
    /// <returns>The first such entry, or null when the bound passed first.</returns>
    public async Task<T?> WaitForAsync<T>(Func<T, bool> match, TimeSpan bound, CancellationToken cancellationToken = default)
        where T : DcvBrokerJournalEntry
    {
        ArgumentNullException.ThrowIfNull(match);
        T? found = null;
        await _changed.WaitUntilAsync(
            () =>
            {
                lock (_gate)
                {
                    found = _entries.OfType<T>().FirstOrDefault(match);
                    return found is not null;
                }
            },
            bound,
            cancellationToken).ConfigureAwait(false);
        return found;
    }
}

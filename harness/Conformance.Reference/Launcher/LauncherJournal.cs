using Conformance.Protocols.Threading;

namespace Conformance.Reference.Launcher;

/// <summary>The Launcher's log: append-only, thread-safe, and awaitable for a condition.</summary>
public sealed class LauncherJournal
{
    private readonly Lock _gate = new();
    private readonly List<LauncherJournalEntry> _entries = [];
    private readonly ChangeSignal _changed = new();

    /// <summary>A copy of the entries so far, in order.</summary>
    public IReadOnlyList<LauncherJournalEntry> Entries
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
        where T : LauncherJournalEntry => Entries.OfType<T>().ToList();

    /// <summary>Appends an entry.</summary>
    public void Add(LauncherJournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _changed.Notify();
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the entries, at most <paramref name="bound"/>.</summary>
    /// <returns>True when it holds; false when the bound passed first.</returns>
    public Task<bool> WaitUntilAsync(Func<IReadOnlyList<LauncherJournalEntry>, bool> condition, TimeSpan bound, CancellationToken cancellationToken = default) =>
        _changed.WaitUntilAsync(
            () =>
            {
                lock (_gate)
                {
                    return condition(_entries);
                }
            },
            bound,
            cancellationToken);
}

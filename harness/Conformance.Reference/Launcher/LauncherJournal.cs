namespace Conformance.Reference.Launcher;

/// <summary>The Launcher's log: append-only, thread-safe, and awaitable for a condition.</summary>
public sealed class LauncherJournal
{
    private readonly Lock _gate = new();
    private readonly List<LauncherJournalEntry> _entries = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        TaskCompletionSource changed;
        lock (_gate)
        {
            _entries.Add(entry);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the entries, at most <paramref name="bound"/>.</summary>
    /// <returns>True when it holds; false when the bound passed first.</returns>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<LauncherJournalEntry>, bool> condition, TimeSpan bound, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_entries))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }
}

using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class PipeJournalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_wait_ends_as_soon_as_an_entry_that_satisfies_it_is_added()
    {
        var journal = new PipeJournal();

        // Without a bound of its own the wait can only end by being told of the new entry; the test's bound catches a journal that never tells.
        var waiting = journal.WaitUntilAsync(entries => entries.Any(entry => entry.Kind == JournalKinds.Accepted), Timeout.InfiniteTimeSpan);
        Assert.That(waiting.IsCompleted, Is.False);
        journal.Add(new PipeJournalEntry(DateTimeOffset.UnixEpoch, JournalKinds.Accepted, 1, "a client connected"));

        Assert.That(await waiting.WaitAsync(Bound), Is.True);
    }
}

using Conformance.Engine.Timing;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>
/// Makes the time-out a reference client sets once it has sent its first message fall due the moment it is set, so
/// that its check queues behind whatever the client read while it connected: how a test stages a time-out that
/// falls due just as the exchange it guards ends.
/// </summary>
internal static class FallDueAtOnce
{
    public static void AfterTheFirstSend(ManualTimeProvider clock, PipeJournal journal, TimeSpan timeOut)
    {
        void FireOnceSent()
        {
            // The write's own bound is set, and released, before the send is journalled.
            if (journal.Entries.Any(entry => entry.Kind == JournalKinds.Sent))
            {
                clock.TimerScheduled -= FireOnceSent;
                clock.Advance(timeOut);
            }
        }

        clock.TimerScheduled += FireOnceSent;
    }
}

using Conformance.Protocols.Threading;

namespace Conformance.Reference.PipeMessaging;

/// <summary>What a reference role did and saw, in order: for transcripts, and for checks of what the pipe cannot show.</summary>
public sealed class PipeJournal
{
    private readonly Lock _gate = new();
    private readonly List<PipeJournalEntry> _entries = [];
    private readonly ChangeSignal _changed = new();

    /// <summary>Every entry so far.</summary>
    public IReadOnlyList<PipeJournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToList();
            }
        }
    }

    /// <summary>Adds an entry.</summary>
    public void Add(PipeJournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _changed.Notify();
    }

    /// <summary>Waits, at most <paramref name="bound"/>, until <paramref name="condition"/> holds over the entries.</summary>
    public Task<bool> WaitUntilAsync(Func<IReadOnlyList<PipeJournalEntry>, bool> condition, TimeSpan bound, CancellationToken cancellationToken = default) =>
        _changed.WaitUntilAsync(() => condition(Entries), bound, cancellationToken);
}

/// <summary>One thing a reference role did or saw.</summary>
/// <param name="At">When, by the role's clock.</param>
/// <param name="Kind">What, as one of <see cref="JournalKinds"/>.</param>
/// <param name="Connection">The connection it concerns (1 for the first client), or 0 for none.</param>
/// <param name="Detail">In words.</param>
/// <param name="Requirement">The requirement it serves, when one does.</param>
public sealed record PipeJournalEntry(DateTimeOffset At, string Kind, int Connection, string Detail, string? Requirement = null);

/// <summary>The kinds of journal entry.</summary>
public static class JournalKinds
{
    /// <summary>A client connected and is served.</summary>
    public const string Accepted = "accepted";

    /// <summary>A client connected while another is served, and waits its turn.</summary>
    public const string Waiting = "waiting";

    /// <summary>A message arrived.</summary>
    public const string Received = "received";

    /// <summary>A message was sent.</summary>
    public const string Sent = "sent";

    /// <summary>A frame or payload broke the protocol, or asked for more than the limit; the connection is dropped.</summary>
    public const string Fault = "fault";

    /// <summary>A message was ignored, with the reason.</summary>
    public const string Ignored = "ignored";

    /// <summary>A deadline passed.</summary>
    public const string TimedOut = "timed-out";

    /// <summary>The role closed the connection.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>The peer closed the connection.</summary>
    public const string PeerClosed = "peer-closed";

    /// <summary>An event happened in the service.</summary>
    public const string Occurred = "occurred";

    /// <summary>An unconfirmed or undelivered event is kept for the next client.</summary>
    public const string Kept = "kept";

    /// <summary>An event was dropped for good (TrafficChanged).</summary>
    public const string Discarded = "discarded";

    /// <summary>An event was confirmed and is done with.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>A connection attempt failed.</summary>
    public const string ConnectFailed = "connect-failed";

    /// <summary>A role's own work failed: never expected, always a fault of the reference.</summary>
    public const string Crashed = "crashed";
}

using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>One thing the broker did or saw, in order: its log, and the raw material of a transcript.</summary>
/// <param name="At">When, by the broker's clock.</param>
/// <param name="Party">Which party's control channel or relay it concerns: an extension's name, or the remote party.</param>
public abstract record DcvBrokerJournalEntry(DateTimeOffset At, string Party);

/// <summary>A control message arrived from a party (VC-01).</summary>
public sealed record ControlMessageReceived(DateTimeOffset At, string Party, ExtensionMessage Message) : DcvBrokerJournalEntry(At, Party);

/// <summary>A control message went to a party (VC-01).</summary>
public sealed record ControlMessageSent(DateTimeOffset At, string Party, DcvMessage Message) : DcvBrokerJournalEntry(At, Party);

/// <summary>A setup request was decided (VC-03, VC-07, VC-08).</summary>
public sealed record SetupDecided(DateTimeOffset At, string Party, string Channel, SetupDecision Decision) : DcvBrokerJournalEntry(At, Party);

/// <summary>A relay connection was judged (VC-05, VC-06, VC-10).</summary>
public sealed record RelayJudged(DateTimeOffset At, string Party, string Channel, RelayVerdict Verdict) : DcvBrokerJournalEntry(At, Party);

/// <summary>A party's relay end held bytes beyond its token before the ready event was sent (VC-04 broken).</summary>
public sealed record RelayBytesBeforeReady(DateTimeOffset At, string Party, string Channel, int Bytes) : DcvBrokerJournalEntry(At, Party);

/// <summary>Both ends of a channel were connected and authenticated, and each party was sent the ready event (VC-14).</summary>
public sealed record ChannelReady(DateTimeOffset At, string Party, string Channel) : DcvBrokerJournalEntry(At, Party);

/// <summary>A channel was torn down (VC-09), and why.</summary>
public sealed record ChannelClosed(DateTimeOffset At, string Party, string Channel, string Why) : DcvBrokerJournalEntry(At, Party);

/// <summary>A party's control session ended (VC-01 when malformed), and why.</summary>
public sealed record SessionEnded(DateTimeOffset At, string Party, SessionEnd End) : DcvBrokerJournalEntry(At, Party);

using Conformance.Protocols.Lines;
using Conformance.Protocols.Transport;
using Conformance.Reference.Appliance;

namespace Conformance.Reference.Launcher;

/// <summary>One thing the Launcher did or saw, in order: its log, and the raw material of a transcript.</summary>
public abstract record LauncherJournalEntry(DateTimeOffset At);

/// <summary>The pipe exists and listens (LC-L02).</summary>
public sealed record PipeListening(DateTimeOffset At, string PipeName) : LauncherJournalEntry(At);

/// <summary>The session tracker began looking for the remote window (LC-L02).</summary>
public sealed record SessionTrackerStarted(DateTimeOffset At) : LauncherJournalEntry(At);

/// <summary>The connector process was started (LC-L03).</summary>
public sealed record ConnectorProcessStarted(DateTimeOffset At, int ProcessId) : LauncherJournalEntry(At);

/// <summary>A client was let in and owns the pipe.</summary>
public sealed record ClientAdmitted(DateTimeOffset At, PipeClientIdentity Client, string Reason) : LauncherJournalEntry(At);

/// <summary>A client was closed without a byte written (LC-L05, LC-L16).</summary>
public sealed record ClientRefused(DateTimeOffset At, PipeClientIdentity Client, string Reason) : LauncherJournalEntry(At);

/// <summary>The first line went to the connector (LC-L04); secrets are masked in <paramref name="MaskedLine"/>.</summary>
public sealed record ConfigurationSent(DateTimeOffset At, string MaskedLine) : LauncherJournalEntry(At);

/// <summary>A line arrived from the connector.</summary>
public sealed record LineReceived(DateTimeOffset At, LineReadResult Line) : LauncherJournalEntry(At);

/// <summary>A line was ignored, with the reason and its bytes, secrets masked (LC-L15).</summary>
public sealed record LineRejected(DateTimeOffset At, int LineNumber, string Reason, string Excerpt) : LauncherJournalEntry(At);

/// <summary>A line was accepted despite a defect of form or extra members, which is noted.</summary>
public sealed record LineNoted(DateTimeOffset At, int LineNumber, string Note) : LauncherJournalEntry(At);

/// <summary>The appliance received a user-session event.</summary>
public sealed record SessionEventPosted(DateTimeOffset At, PostedSessionEvent Event) : LauncherJournalEntry(At);

/// <summary>The session's states changed.</summary>
public sealed record StatesChanged(DateTimeOffset At, SessionStates Before, SessionStates After, string Cause) : LauncherJournalEntry(At);

/// <summary>The Launcher began tracking a process, or restarted tracking with a new one (LC-L06).</summary>
public sealed record TrackingStarted(DateTimeOffset At, int ProcessId, int? ReplacedProcessId) : LauncherJournalEntry(At);

/// <summary>The tracked process exited (LC-L09).</summary>
public sealed record TrackedProcessExited(DateTimeOffset At, int ProcessId) : LauncherJournalEntry(At);

/// <summary>An event the Launcher decided not to post, and why (LC-L08, LC-L14).</summary>
public sealed record PostingWithheld(DateTimeOffset At, SessionEventKind Kind, string Reason) : LauncherJournalEntry(At);

/// <summary>The legacy delay began (LC-L12, LC-L13).</summary>
public sealed record LegacyDelayStarted(DateTimeOffset At, TimeSpan Delay, string Cause) : LauncherJournalEntry(At);

/// <summary>The connector's end of the pipe closed, or the pipe broke.</summary>
public sealed record PipeClosed(DateTimeOffset At, string Reason) : LauncherJournalEntry(At);

/// <summary>An internal error; the reference Launcher never expects one.</summary>
public sealed record LauncherFault(DateTimeOffset At, string Error) : LauncherJournalEntry(At);

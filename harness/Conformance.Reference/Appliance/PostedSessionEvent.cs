namespace Conformance.Reference.Appliance;

/// <summary>One user-session event the appliance received.</summary>
/// <param name="Kind">Which event.</param>
/// <param name="Message">The custom event's text; null for the others.</param>
/// <param name="At">When it arrived, on the session's clock.</param>
/// <param name="ByAppliance">True for events the appliance raised itself rather than the Launcher.</param>
public sealed record PostedSessionEvent(SessionEventKind Kind, string? Message, DateTimeOffset At, bool ByAppliance = false);

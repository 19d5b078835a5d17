namespace Conformance.Protocols.LauncherConnector;

/// <summary>The outcome of reading one connector line: an event, or the reason there is none.</summary>
public sealed record EventParseResult(
    CustomConnectorEvent? Event,
    EventParseError? Error,
    string? Reason,
    IReadOnlyList<string> UnknownMembers)
{
    /// <summary>True when the line is a valid event.</summary>
    public bool IsEvent => Event is not null;

    internal static EventParseResult Fail(EventParseError error, string reason) => new(null, error, reason, []);
}

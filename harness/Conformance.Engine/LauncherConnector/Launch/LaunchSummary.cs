namespace Conformance.Engine.LauncherConnector.Launch;

/// <summary>How a <c>launch</c> session went, for its last lines and its exit code.</summary>
/// <param name="Ended">Why it ended.</param>
/// <param name="Lines">Lines the connector sent.</param>
/// <param name="InvalidLines">Lines that were not a valid CustomConnectorEvent.</param>
/// <param name="Events">The session events the Launcher posted, in order.</param>
/// <param name="States">The session's states at the end.</param>
/// <param name="Duration">From the start to the end.</param>
internal sealed record LaunchSummary(string Ended, int Lines, int InvalidLines, IReadOnlyList<string> Events, string States, TimeSpan Duration);

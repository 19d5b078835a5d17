namespace Conformance.Engine.LauncherConnector.Connector.Judges;

/// <summary>Whether something happened within a deadline of something else, said as a report would.</summary>
internal static class Deadline
{
    /// <summary>Null when <paramref name="happened"/> is within <paramref name="limit"/> of <paramref name="from"/>; else what was seen.</summary>
    public static string? Missed(TimeSpan? happened, TimeSpan from, TimeSpan limit, string notYet) => happened switch
    {
        null => notYet,
        { } at when at - from > limit => $"after {(at - from).TotalSeconds:0.###} s",
        _ => null,
    };

    /// <summary>When the supervised process exited, from its start; null while it runs.</summary>
    public static TimeSpan? ExitOf(ConnectorSession session) =>
        session.Process!.ExitedAt is { } exited ? exited - session.Process.StartedAt : null;
}

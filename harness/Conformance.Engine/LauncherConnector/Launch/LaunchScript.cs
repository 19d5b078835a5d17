using System.Globalization;

namespace Conformance.Engine.LauncherConnector.Launch;

/// <summary>
/// Actions at given times, for a <c>launch</c> session without a terminal: "2: end-remote-client; 4.5: log-off; 8: quit",
/// each time in seconds from the connector's start.
/// </summary>
internal sealed record LaunchScript(IReadOnlyList<(TimeSpan At, LaunchAction Action)> Steps)
{
    private static readonly Dictionary<string, LaunchAction> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["end-remote-client"] = LaunchAction.EndRemoteClient,
        ["log-off"] = LaunchAction.LogOff,
        ["close-pipe"] = LaunchAction.ClosePipe,
        ["quit"] = LaunchAction.Quit,
    };

    /// <summary>The action names a script may use.</summary>
    public static IReadOnlyCollection<string> ActionNames => Names.Keys;

    /// <summary>Reads "SECONDS: ACTION; …".</summary>
    /// <exception cref="FormatException">A step is malformed; the message says which and what is expected.</exception>
    public static LaunchScript Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<(TimeSpan, LaunchAction)>();
        foreach (var step in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = step.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[0].TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                throw new FormatException($"\"{step}\" is not SECONDS: ACTION (for example \"2: end-remote-client\").");
            }

            if (!Names.TryGetValue(parts[1], out var action))
            {
                throw new FormatException($"\"{parts[1]}\" is not an action; use one of {string.Join(", ", Names.Keys)}.");
            }

            steps.Add((TimeSpan.FromSeconds(seconds), action));
        }

        return new LaunchScript(steps.OrderBy(step => step.Item1).ToList());
    }
}

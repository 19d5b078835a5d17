namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>
/// An executable certified as one Pipe Messaging role: how to start it and the deadlines it is held to. In a
/// self-check it is the reference executable; under <c>certify &lt;role&gt;</c> it comes from the manifest.
/// </summary>
internal sealed record PipeRoleTarget
{
    /// <summary>The role: event-pipe-service, event-pipe-client, command-pipe-server or command-pipe-client.</summary>
    public required string Role { get; init; }

    /// <summary>Executable and arguments, with {pipe}, {command-pipe} and {event-pipe} still in place.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Where it runs.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Variables set over the harness's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Deadlines by manifest name (<c>handshakeSeconds</c>), the role's defaults where the manifest says nothing.</summary>
    public required IReadOnlyDictionary<string, TimeSpan> Timeouts { get; init; }

    /// <summary>The deadline named <paramref name="name"/>.</summary>
    public TimeSpan Timeout(string name) =>
        Timeouts.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The {Role} has no deadline named {name}.");

    /// <summary>How far a real-time deadline may be missed, late and early, and still pass.</summary>
    public Tolerance Tolerance => new(Timeout(TimeoutNames.LateTolerance), Timeout(TimeoutNames.EarlyTolerance));

    /// <summary>What a report calls it.</summary>
    public string Description => string.Join(' ', Command);
}

/// <summary>How far a real-time timing may stray from its nominal value (REQUIREMENTS: 250 ms late, 50 ms early by default).</summary>
/// <param name="Late">How much later than nominal still passes.</param>
/// <param name="Early">How much earlier than nominal still passes.</param>
internal sealed record Tolerance(TimeSpan Late, TimeSpan Early)
{
    /// <summary>True when <paramref name="actual"/> is within the tolerance of <paramref name="nominal"/>, on either side.</summary>
    public bool Around(TimeSpan actual, TimeSpan nominal) => actual >= nominal - Early && actual <= nominal + Late;

    /// <summary>True when <paramref name="actual"/> is no later than <paramref name="nominal"/> allows.</summary>
    public bool By(TimeSpan actual, TimeSpan nominal) => actual <= nominal + Late;

    /// <summary>True when <paramref name="actual"/> is no earlier than <paramref name="nominal"/> allows.</summary>
    public bool NotBefore(TimeSpan actual, TimeSpan nominal) => actual >= nominal - Early;
}

/// <summary>The manifest's names of the deadlines.</summary>
internal static class TimeoutNames
{
    public const string Ready = "readySeconds";
    public const string Connect = "connectSeconds";
    public const string Handshake = "handshakeSeconds";
    public const string Idle = "idleSeconds";
    public const string KeepAliveAnswer = "keepAliveAnswerSeconds";
    public const string Confirmation = "confirmationSeconds";
    public const string HandshakeTimeout = "handshakeTimeoutSeconds";
    public const string Reconnect = "reconnectSeconds";
    public const string Request = "requestSeconds";
    public const string Response = "responseSeconds";
    public const string Exit = "exitSeconds";
    public const string LateTolerance = "lateToleranceSeconds";
    public const string EarlyTolerance = "earlyToleranceSeconds";
}

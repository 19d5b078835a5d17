namespace Conformance.Reference.Launcher;

/// <summary>Every timing and switch of the reference Launcher, with the protocol's defaults.</summary>
public sealed record LauncherSettings
{
    /// <summary>How long the appliance lets a login stay in progress (connectionInitializationTimeout). Default 120 s.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The legacy wait after the session's end before ConnectionEnded (LC-L12, LC-L13). Default 30 s.</summary>
    public TimeSpan LegacyConnectionEndedDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a session tracker looks for the remote window on its own (LC-L02, LC-L12).</summary>
    public bool SessionTrackerConfigured { get; init; }

    /// <summary>Whether only the started connector's process tree may own the pipe (LC-L16). On by default.</summary>
    public bool VerifyClientProcess { get; init; } = true;

    /// <summary>The longest line accepted from a connector, in bytes. Default 1 MiB.</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    /// <summary>How often a real tracked process is checked for exit.</summary>
    public TimeSpan ProcessPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}

namespace Conformance.ConnectorSdk;

/// <summary>Settings of a <see cref="LauncherIpcClient"/>; the defaults suit a connector the Launcher started.</summary>
public sealed class LauncherIpcClientOptions
{
    /// <summary>
    /// The pipe to connect to. Null (the default) reads it from the <c>VSI_IPC_PIPE_NAME</c> environment
    /// variable, as the Launcher hands it over.
    /// </summary>
    public string? PipeName { get; init; }

    /// <summary>How long <see cref="LauncherIpcClient.ConnectToLauncherAsync"/> keeps trying. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest configuration line accepted, in bytes. Default 1 MiB.</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;
}

using System.Text.Json.Nodes;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The connector under test: how to start it and what to send it. In a self-check run this is the reference
/// connector; under <c>certify connector</c> it comes from the manifest and the command line.
/// </summary>
internal sealed record ConnectorTarget
{
    /// <summary>Executable and arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Where it runs.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Variables set over the harness's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Deadlines.</summary>
    public ConnectorTimeouts Timeouts { get; init; } = new();

    /// <summary>Members merged over the default launchable configuration.</summary>
    public JsonObject Launchable { get; init; } = [];

    /// <summary>Members merged over the launchable configuration for the failure path (LC-C08).</summary>
    public JsonObject Failing { get; init; } = [];

    /// <summary>The secret values used for every scenario of this run: password and the secure field <c>pin</c>.</summary>
    public RunSecrets Secrets { get; init; } = RunSecrets.Generate();

    /// <summary>What a report calls it.</summary>
    public string Description => string.Join(' ', Command);
}

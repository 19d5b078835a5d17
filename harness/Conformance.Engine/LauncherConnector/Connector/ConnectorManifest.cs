using System.Text.Json.Nodes;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// Reads <c>certify connector</c>'s manifest and command line into a <see cref="ConnectorTarget"/>. Every
/// mistake is a <see cref="ManifestException"/> that says what is wrong and how to put it right.
/// </summary>
internal static class ConnectorManifest
{
    /// <summary>The manifest's schema.</summary>
    public const string Schema = "conformance/connector-manifest";

    /// <summary>Builds the target from an optional manifest and the command given after <c>--</c>.</summary>
    /// <exception cref="ManifestException">The manifest or the command is not usable.</exception>
    public static ConnectorTarget Read(string? manifestPath, IReadOnlyList<string> commandLine, SchemaSet schemas, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(schemas);
        var manifest = manifestPath is null ? [] : ManifestFile.Parse(manifestPath, schemas.Get(Schema));
        var workingDirectory = ManifestFile.WorkingDirectory(manifest, ManifestFile.Folder(manifestPath, currentDirectory));
        var environment = ManifestFile.Environment(manifest);
        return new ConnectorTarget
        {
            Command = ManifestFile.Command(manifest, manifestPath, commandLine, "connector", workingDirectory, environment),
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Launchable = manifest["launchable"]?.AsObject().DeepClone().AsObject() ?? [],
            Failing = manifest["failing"]?.AsObject().DeepClone().AsObject() ?? [],
            Timeouts = Timeouts(manifest["timeouts"]?.AsObject()),
        };
    }

    private static ConnectorTimeouts Timeouts(JsonObject? timeouts)
    {
        var defaults = new ConnectorTimeouts();
        if (timeouts is null)
        {
            return defaults;
        }

        TimeSpan Seconds(string name, TimeSpan fallback) =>
            timeouts[name] is JsonValue value ? TimeSpan.FromSeconds(value.GetValue<double>()) : fallback;

        return new ConnectorTimeouts
        {
            Connect = Seconds("connectSeconds", defaults.Connect),
            WindowCreated = Seconds("windowCreatedSeconds", defaults.WindowCreated),
            WindowClosed = Seconds("windowClosedSeconds", defaults.WindowClosed),
            Exit = Seconds("exitSeconds", defaults.Exit),
            WindowLifetime = Seconds("windowLifetimeSeconds", defaults.WindowLifetime),
        };
    }
}

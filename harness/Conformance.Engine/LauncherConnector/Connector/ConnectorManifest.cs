using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// Reads <c>certify connector</c>'s manifest and command line into a <see cref="ConnectorTarget"/>. Every
/// mistake is a <see cref="ManifestException"/> that says what is wrong and how to put it right.
/// </summary>
public static class ConnectorManifest
{
    /// <summary>The manifest's schema.</summary>
    public const string Schema = "conformance/connector-manifest";

    /// <summary>Builds the target from an optional manifest and the command given after <c>--</c>.</summary>
    /// <exception cref="ManifestException">The manifest or the command is not usable.</exception>
    public static ConnectorTarget Read(string? manifestPath, IReadOnlyList<string> commandLine, SchemaSet schemas, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(schemas);
        var manifest = manifestPath is null ? [] : Parse(manifestPath, schemas);
        var manifestFolder = manifestPath is null ? currentDirectory : Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;

        var manifestCommand = manifest["command"]?.AsArray().Select(part => part!.GetValue<string>()).ToList();
        if (manifestCommand is not null && commandLine.Count > 0)
        {
            throw new ManifestException($"The command is given twice: in {manifestPath} (\"command\") and after --. Keep one.");
        }

        var command = manifestCommand ?? commandLine.ToList();
        if (command.Count == 0)
        {
            throw new ManifestException("No connector to certify: give its command after -- (conformance certify connector -- ./my-connector) or as \"command\" in a --manifest.");
        }

        var workingDirectory = manifest["workingDirectory"]?.GetValue<string>() is { } relative
            ? Path.GetFullPath(Path.Combine(manifestFolder, relative))
            : manifestFolder;
        if (!Directory.Exists(workingDirectory))
        {
            throw new ManifestException($"The working directory {workingDirectory} does not exist.");
        }

        RequireExecutable(command[0], workingDirectory);
        return new ConnectorTarget
        {
            Command = command,
            WorkingDirectory = workingDirectory,
            Environment = manifest["environment"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>()) ?? [],
            Launchable = manifest["launchable"]?.AsObject().DeepClone().AsObject() ?? [],
            Failing = manifest["failing"]?.AsObject().DeepClone().AsObject() ?? [],
            Timeouts = Timeouts(manifest["timeouts"]?.AsObject()),
        };
    }

    private static JsonObject Parse(string path, SchemaSet schemas)
    {
        if (!File.Exists(path))
        {
            throw new ManifestException($"The manifest {Path.GetFullPath(path)} does not exist.");
        }

        var text = File.ReadAllText(path);
        var issues = schemas.Get(Schema).Validate(text);
        if (issues.Count > 0)
        {
            throw new ManifestException($"The manifest {path} is not valid: {string.Join("; ", issues)}. See schemas/{Schema}.schema.json.");
        }

        try
        {
            return JsonNode.Parse(text)!.AsObject();
        }
        catch (JsonException exception)
        {
            throw new ManifestException($"The manifest {path} is not JSON: {exception.Message}");
        }
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

    private static void RequireExecutable(string executable, string workingDirectory)
    {
        if (executable.Contains('/') || executable.Contains('\\'))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, executable));
            if (!File.Exists(path))
            {
                throw new ManifestException($"The connector {path} does not exist.");
            }

            return;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { "", ".exe", ".cmd", ".bat" } : [""];
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => extensions.Select(extension => Path.Combine(folder, executable + extension)))
            .Any(File.Exists);
        if (!found)
        {
            throw new ManifestException($"Cannot find {executable} on the PATH. Give its path (./{executable}) or install it.");
        }
    }
}

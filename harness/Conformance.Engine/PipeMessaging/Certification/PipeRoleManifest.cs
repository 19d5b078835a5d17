using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;

namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>
/// Reads <c>certify &lt;role&gt;</c>'s manifest (<c>command</c>, <c>workingDirectory</c>, <c>environment</c>,
/// <c>timeouts</c>) and command line into a <see cref="PipeRoleTarget"/>. Every mistake is a
/// <see cref="ManifestException"/> that says what is wrong and how to put it right.
/// </summary>
internal static class PipeRoleManifest
{
    /// <summary>The manifest schema of <paramref name="role"/>.</summary>
    public static string Schema(string role) => $"conformance/{role}-manifest";

    public static PipeRoleTarget Read(string role, string? manifestPath, IReadOnlyList<string> commandLine, SchemaSet schemas, string currentDirectory)
    {
        var manifest = manifestPath is null ? [] : Parse(role, manifestPath, schemas);
        var manifestFolder = manifestPath is null ? currentDirectory : Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var manifestCommand = manifest["command"]?.AsArray().Select(part => part!.GetValue<string>()).ToList();
        if (manifestCommand is not null && commandLine.Count > 0)
        {
            throw new ManifestException($"The command is given twice: in {manifestPath} (\"command\") and after --. Keep one.");
        }

        var command = manifestCommand ?? commandLine.ToList();
        if (command.Count == 0)
        {
            throw new ManifestException($"No {role} to certify: give its command after -- (conformance certify {role} -- ./my-{role}) or as \"command\" in a --manifest.");
        }

        var workingDirectory = manifest["workingDirectory"]?.GetValue<string>() is { } relative
            ? Path.GetFullPath(Path.Combine(manifestFolder, relative))
            : manifestFolder;
        if (!Directory.Exists(workingDirectory))
        {
            throw new ManifestException($"The working directory {workingDirectory} does not exist.");
        }

        RequireExecutable(command[0], workingDirectory, role);
        var timeouts = new Dictionary<string, TimeSpan>(PipeRoles.DefaultTimeouts(role), StringComparer.Ordinal);
        foreach (var (name, value) in manifest["timeouts"]?.AsObject() ?? [])
        {
            timeouts[name] = TimeSpan.FromSeconds(value!.GetValue<double>());
        }

        return new PipeRoleTarget
        {
            Role = role,
            Command = command,
            WorkingDirectory = workingDirectory,
            Environment = manifest["environment"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>()) ?? [],
            Timeouts = timeouts,
        };
    }

    private static JsonObject Parse(string role, string path, SchemaSet schemas)
    {
        if (!File.Exists(path))
        {
            throw new ManifestException($"The manifest {Path.GetFullPath(path)} does not exist.");
        }

        var text = File.ReadAllText(path);
        var issues = schemas.Get(Schema(role)).Validate(text);
        if (issues.Count > 0)
        {
            throw new ManifestException($"The manifest {path} is not valid: {string.Join("; ", issues)}. See schemas/{Schema(role)}.schema.json.");
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

    private static void RequireExecutable(string executable, string workingDirectory, string role)
    {
        if (executable.Contains('/') || executable.Contains('\\'))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, executable));
            if (!File.Exists(path))
            {
                throw new ManifestException($"The {role} {path} does not exist.");
            }

            return;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { "", ".exe", ".cmd", ".bat" } : [""];
        var found = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => extensions.Select(extension => Path.Combine(folder, executable + extension)))
            .Any(File.Exists);
        if (!found)
        {
            throw new ManifestException($"Cannot find {executable} on the PATH. Give its path (./{executable}) or install it.");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Validation;
using Conformance.Processes;

namespace Conformance.Engine.Modules;

/// <summary>
/// What every role's manifest shares — the file itself, <c>command</c>, <c>workingDirectory</c>,
/// <c>environment</c> — read the same way for every role, each mistake a <see cref="ManifestException"/> that
/// says where it is and what to do.
/// </summary>
internal static class ManifestFile
{
    /// <summary>Reads <paramref name="path"/>: JSON first (a syntax error with its line and column), then <paramref name="schema"/> (every issue in words).</summary>
    /// <exception cref="ManifestException">The file is missing, not JSON, or breaks its schema.</exception>
    public static JsonObject Parse(string path, MessageSchema schema)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        if (Directory.Exists(path))
        {
            throw new ManifestException($"The manifest {Path.GetFullPath(path)} is a directory; give the manifest's file.");
        }

        if (!File.Exists(path))
        {
            throw new ManifestException($"The manifest {Path.GetFullPath(path)} does not exist.");
        }

        var text = File.ReadAllText(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            var reason = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new ManifestException($"The manifest {path} is not valid JSON at line {line}, column {column}: {reason}.");
        }

        if (root is not JsonObject manifest)
        {
            throw new ManifestException($"The manifest {path} must be a JSON object ({{ … }}), not {root?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}.");
        }

        var issues = schema.Validate(text);
        if (issues.Count > 0)
        {
            var list = string.Join("\n", issues.Select(issue => $"  - {issue.Path}: {issue.Reason}"));
            throw new ManifestException($"The manifest {path} is not valid:\n{list}\nIts schema: schemas/{schema.Name}.schema.json.");
        }

        return manifest;
    }

    /// <summary>The folder relative paths in <paramref name="manifestPath"/> are taken from: its own, or the current one without a manifest.</summary>
    public static string Folder(string? manifestPath, string currentDirectory) =>
        manifestPath is null ? currentDirectory : Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;

    /// <summary>The command, from the manifest or after <c>--</c> but not both; its executable must resolve to a file that can run.</summary>
    /// <exception cref="ManifestException">None, both, an empty one, or an executable that cannot run.</exception>
    public static IReadOnlyList<string> Command(JsonObject manifest, string? manifestPath, IReadOnlyList<string> commandLine, string role, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(commandLine);
        var fromManifest = manifest["command"]?.AsArray().Select(part => part!.GetValue<string>()).ToList();
        if (fromManifest is not null && commandLine.Count > 0)
        {
            throw new ManifestException($"The command is given twice: in {manifestPath} (\"command\") and after --. Keep one.");
        }

        var command = fromManifest ?? commandLine.ToList();
        if (command.Count == 0)
        {
            throw new ManifestException($"No {role} to certify: give its command after -- (conformance certify {role} -- ./my-{role}) or as \"command\" in a --manifest.");
        }

        try
        {
            ExecutableResolver.Resolve(command[0], workingDirectory, environment.GetValueOrDefault("PATH"));
        }
        catch (ProcessStartException exception)
        {
            throw new ManifestException(exception.Message);
        }

        return command;
    }

    /// <summary>Where the executable runs: <c>workingDirectory</c> relative to <paramref name="folder"/>, or that folder itself.</summary>
    /// <exception cref="ManifestException">The folder does not exist.</exception>
    public static string WorkingDirectory(JsonObject manifest, string folder)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var workingDirectory = manifest["workingDirectory"]?.GetValue<string>() is { } relative
            ? Path.GetFullPath(Path.Combine(folder, relative))
            : folder;
        return Directory.Exists(workingDirectory)
            ? workingDirectory
            : throw new ManifestException($"The working directory {workingDirectory} does not exist (\"workingDirectory\" is relative to the manifest's folder).");
    }

    /// <summary>The variables the manifest sets over the harness's environment.</summary>
    public static IReadOnlyDictionary<string, string> Environment(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest["environment"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>()) ?? [];
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Documentation.Sources;

/// <summary>The approved transcripts (snapshots) of the self-check, found where <see cref="SnapshotStore"/> keeps them.</summary>
internal sealed class ApprovedTranscripts(string? directory, string root)
{
    private readonly Dictionary<string, (JsonObject Transcript, string Path)?> _read = new(StringComparer.Ordinal);

    /// <summary>The approved transcript of <paramref name="scenario"/> and its path relative to the project root; null when none was approved.</summary>
    public (JsonObject Transcript, string Path)? Of(CompiledScenario scenario)
    {
        if (directory is null)
        {
            return null;
        }

        if (!_read.TryGetValue(scenario.Id, out var transcript))
        {
            transcript = Read(directory, scenario);
            _read[scenario.Id] = transcript;
        }

        return transcript;
    }

    private (JsonObject Transcript, string Path)? Read(string directory, CompiledScenario scenario)
    {
        var file = SnapshotStore.VerifiedPath(directory, scenario);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) is JsonObject transcript
                ? (transcript, Path.GetRelativePath(root, file).Replace('\\', '/'))
                : null;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{file} is not an approved transcript: {exception.Message}", exception);
        }
    }
}

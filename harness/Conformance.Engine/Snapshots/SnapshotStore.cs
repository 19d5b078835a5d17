using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Snapshots;

/// <summary>
/// Approved transcripts in Verify's layout: <c>&lt;dir&gt;/&lt;feature&gt;/&lt;scenario&gt;.verified.json</c> committed,
/// <c>*.received.json</c> written beside it on a difference (and ignored by git), approved by <c>accept</c>.
/// </summary>
internal sealed class SnapshotStore(string directory, bool accept)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The folder holding the snapshots.</summary>
    public string Directory { get; } = directory;

    /// <summary>Where the approved transcript of <paramref name="scenario"/> is kept under <paramref name="directory"/>.</summary>
    public static string VerifiedPath(string directory, CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Path.Combine(directory, Slug.Of(Path.GetFileNameWithoutExtension(scenario.FeaturePath)), Slug.Of(scenario.Name) + ".verified.json");
    }

    /// <summary>Compares <paramref name="scrubbed"/> with the approved snapshot of <paramref name="scenario"/>.</summary>
    public SnapshotComparison Compare(CompiledScenario scenario, JsonNode scrubbed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scrubbed);
        var verified = VerifiedPath(Directory, scenario);
        var stem = verified[..^".verified.json".Length];
        var received = stem + ".received.json";
        var text = scrubbed.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        if (File.Exists(verified) && File.ReadAllText(verified).ReplaceLineEndings("\n") == text)
        {
            File.Delete(received);
            return new SnapshotComparison(SnapshotStatus.Matched, verified, null, null);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(stem)!);
        if (accept)
        {
            File.WriteAllText(verified, text, new UTF8Encoding(false));
            File.Delete(received);
            return new SnapshotComparison(SnapshotStatus.Accepted, verified, null, null);
        }

        File.WriteAllText(received, text, new UTF8Encoding(false));
        if (!File.Exists(verified))
        {
            return new SnapshotComparison(SnapshotStatus.New, verified, received, null);
        }

        return new SnapshotComparison(SnapshotStatus.Changed, verified, received, SnapshotDiff.Describe(File.ReadAllText(verified), text));
    }
}

using System.Text.Json.Nodes;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;

namespace Conformance.Tests.Engine.Snapshots;

public class SnapshotStoreTests
{
    private static readonly CompiledScenario Scenario = new() { FeaturePath = "features/p/sample.feature", FeatureName = "F", Name = "a scenario (row 1)", Tags = [], Steps = [], Line = 1 };

    [Test]
    public void Writes_a_received_file_and_fails_when_no_snapshot_is_approved_yet()
    {
        using var folder = new TemporaryFolder();

        var comparison = new SnapshotStore(folder.Path, accept: false).Compare(Scenario, JsonNode.Parse("""{"a":1}""")!);

        Assert.That(comparison.Status, Is.EqualTo(SnapshotStatus.New));
        Assert.That(comparison.IsRegression);
        Assert.That(comparison.ReceivedPath, Does.EndWith(Path.Combine("sample", "a-scenario-row-1.received.json")));
        Assert.That(File.Exists(comparison.ReceivedPath));
    }

    [Test]
    public void Approves_with_accept_then_matches_and_removes_a_stale_received_file()
    {
        using var folder = new TemporaryFolder();
        var transcript = JsonNode.Parse("""{"a":1}""")!;
        new SnapshotStore(folder.Path, accept: false).Compare(Scenario, transcript);

        var accepted = new SnapshotStore(folder.Path, accept: true).Compare(Scenario, transcript);
        var matched = new SnapshotStore(folder.Path, accept: false).Compare(Scenario, transcript);

        Assert.That(accepted.Status, Is.EqualTo(SnapshotStatus.Accepted));
        Assert.That(matched.Status, Is.EqualTo(SnapshotStatus.Matched));
        Assert.That(Directory.EnumerateFiles(folder.Path, "*.received.json", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Fails_a_difference_with_a_readable_line_diff()
    {
        using var folder = new TemporaryFolder();
        new SnapshotStore(folder.Path, accept: true).Compare(Scenario, JsonNode.Parse("""{"event":"ConnectionEnded","session":"completed"}""")!);

        var comparison = new SnapshotStore(folder.Path, accept: false).Compare(Scenario, JsonNode.Parse("""{"event":"ConnectionEnded","session":"faulted"}""")!);

        Assert.That(comparison.Status, Is.EqualTo(SnapshotStatus.Changed));
        Assert.That(comparison.Difference, Does.Contain("-   \"session\": \"completed\"").And.Contain("+   \"session\": \"faulted\""));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("snapshots").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

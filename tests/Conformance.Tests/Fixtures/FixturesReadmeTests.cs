using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>Issue 7: tests/fixtures/README.md lists every fixture with exactly the verdict the certification test expects.</summary>
public class FixturesReadmeTests
{
    // The rows of the connectors' table: from its heading to the next one.
    private static IEnumerable<string> ConnectorRows() =>
        File.ReadAllLines(Path.Combine(Project.Layout.Root, "tests", "fixtures", "README.md"))
            .SkipWhile(line => !line.StartsWith("## Connectors", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal));

    [Test]
    public void Lists_every_connector_fixture_with_the_verdict_the_tests_expect()
    {
        var rows = ConnectorRows()
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => (Language: cells[2], Expected: cells[4]));

        foreach (var fixture in ConnectorFixtures.All)
        {
            Assert.That(rows.TryGetValue(fixture.File, out var row), $"{fixture.File} is not in the README");
            Assert.That(row.Expected, Is.EqualTo(fixture.Expected), fixture.File);
            Assert.That(row.Language, Is.EqualTo(fixture.Language), fixture.File);
        }
    }

    [Test]
    public void Lists_no_fixture_the_tests_do_not_certify_and_every_listed_file_exists()
    {
        var known = ConnectorFixtures.All.Select(fixture => fixture.File).ToHashSet();
        var listed = ConnectorRows()
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[1].Trim('`'))
            .Where(file => file.Contains(".py", StringComparison.Ordinal) || file.Contains(".js", StringComparison.Ordinal) || file.StartsWith("dotnet/", StringComparison.Ordinal) || file.StartsWith("harness/", StringComparison.Ordinal))
            .ToList();

        Assert.That(listed.Where(file => !known.Contains(file)), Is.Empty, "listed but not certified");
        foreach (var file in listed.Where(file => file.EndsWith(".py", StringComparison.Ordinal) || file.EndsWith(".js", StringComparison.Ordinal)))
        {
            Assert.That(File.Exists(Path.Combine(Project.Layout.Root, "tests", "fixtures", file)), file);
        }
    }

    // The rows of the Pipe Messaging table, keyed by the fixture as the README names it: "pm_event_service.py no-checks".
    private static Dictionary<string, string[]> PipeMessagingRows() =>
        File.ReadAllLines(Path.Combine(Project.Layout.Root, "tests", "fixtures", "README.md"))
            .SkipWhile(line => !line.StartsWith("## Pipe Messaging", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'));

    // How the README names a case: the assembly or script, then its arguments.
    private static string Listed(PipeMessagingFixtureCase fixture) =>
        fixture.Command[0] == "dotnet"
            ? string.Join(' ', [Path.GetFileNameWithoutExtension(fixture.Command[1]), .. fixture.Command[2..]])
            : string.Join(' ', [Path.GetFileName(fixture.Command[1]), .. fixture.Command[2..]]);

    [Test]
    public void Lists_every_pipe_messaging_fixture_with_its_role_and_the_verdict_the_tests_expect()
    {
        var rows = PipeMessagingRows();
        foreach (var fixture in PipeMessagingFixtureCases.All)
        {
            var listed = Listed(fixture);
            Assert.That(rows.TryGetValue(listed, out var cells), $"{listed} is not in the README");
            Assert.That(cells![2], Is.EqualTo(fixture.Command[0] == "dotnet" ? "C#" : "Python"), listed);
            Assert.That(cells[3], Is.EqualTo(fixture.Role), listed);
            Assert.That(cells[5], Is.EqualTo(fixture.Expected), listed);
        }

        Assert.That(rows.Keys.Except(PipeMessagingFixtureCases.All.Select(Listed)), Is.Empty, "listed but not certified");
    }
}

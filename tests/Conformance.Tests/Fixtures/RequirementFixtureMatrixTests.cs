using System.Text;
using Conformance.Engine;
using Conformance.Engine.Requirements;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Issue 12: every requirement of a certifiable role is broken by at least one fixture, judged failed (non-strict for
/// a SHOULD, informational for a MAY) for it. The matrix is printed, and the README shows it as this test builds it.
/// </summary>
public class RequirementFixtureMatrixTests
{
    private const string Start = "<!-- requirement-fixture-matrix:start -->";
    private const string End = "<!-- requirement-fixture-matrix:end -->";

    private static readonly string[] Breaking = ["failed", "non-strict", "informational"];

    /// <summary>Each certifiable requirement with the fixtures that break it, in catalog order.</summary>
    private static IReadOnlyList<(Requirement Requirement, IReadOnlyList<string> Fixtures)> Matrix()
    {
        var certifiable = ProtocolModules.CertifiableRoles.Select(role => role.Name).ToHashSet(StringComparer.Ordinal);
        var breaks = FixtureBreaks().ToLookup(pair => pair.Requirement, pair => pair.Fixture);
        return RequirementCatalog.Load(Project.Layout.Features).Requirements
            .Where(requirement => requirement.Roles.Any(certifiable.Contains))
            .Select(requirement => (requirement, (IReadOnlyList<string>)breaks[requirement.Id].Distinct().ToList()))
            .ToList();
    }

    /// <summary>(requirement, fixture) for every outcome a fixture's certification must give that is not a pass.</summary>
    private static IEnumerable<(string Requirement, string Fixture)> FixtureBreaks()
    {
        foreach (var fixture in ConnectorFixtures.All)
        {
            foreach (var id in Broken(fixture.Judged))
            {
                yield return (id, $"`{fixture.File}`");
            }
        }

        foreach (var fixture in DcvExtensionFixtureCases.All)
        {
            foreach (var id in Broken(fixture.Judged))
            {
                yield return (id, $"`{Label(fixture.Command)}`");
            }
        }

        foreach (var fixture in PipeMessagingFixtureCases.All)
        {
            foreach (var id in Broken(fixture.Judged))
            {
                yield return (id, $"`{Label(fixture.Command)}`");
            }
        }
    }

    private static IEnumerable<string> Broken(IEnumerable<string> judged) =>
        judged.Select(entry => entry.Split(' ', 2))
            .Where(parts => parts.Length == 2 && Breaking.Contains(parts[1], StringComparer.Ordinal))
            .Select(parts => parts[0]);

    // The fixture's own file and its arguments, without the interpreter or the folders: "pm_event_service.py no-checks".
    private static string Label(string[] command)
    {
        var file = Array.FindIndex(command, part => part.EndsWith(".py", StringComparison.Ordinal) || part.EndsWith(".dll", StringComparison.Ordinal));
        return file < 0 ? string.Join(' ', command) : string.Join(' ', [Path.GetFileName(command[file]), .. command[(file + 1)..]]);
    }

    private static string Markdown(IReadOnlyList<(Requirement Requirement, IReadOnlyList<string> Fixtures)> matrix)
    {
        var text = new StringBuilder();
        text.Append("| Requirement | Level | Broken by |\n|---|---|---|\n");
        foreach (var (requirement, fixtures) in matrix)
        {
            text.Append($"| {requirement.Id} | {requirement.LevelName} | {(fixtures.Count == 0 ? "**none**" : string.Join(", ", fixtures))} |\n");
        }

        return text.ToString();
    }

    [Test]
    public void Every_certifiable_requirement_is_broken_by_a_fixture()
    {
        var matrix = Matrix();
        TestContext.Out.WriteLine(Markdown(matrix));

        Assert.That(matrix, Is.Not.Empty);
        Assert.That(matrix.Where(row => row.Fixtures.Count == 0).Select(row => row.Requirement.Id), Is.Empty, "certifiable requirements no fixture breaks");
    }

    [Test]
    public void The_README_shows_the_matrix_as_the_fixtures_give_it()
    {
        var readme = File.ReadAllText(Path.Combine(Project.Layout.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, $"README.md has the markers {Start} and {End}");

        var shown = readme[(start + Start.Length)..end].Trim('\n') + "\n";

        Assert.That(shown, Is.EqualTo(Markdown(Matrix())), "update the README's matrix with the table this test prints");
    }
}

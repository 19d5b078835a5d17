using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Certifies the DCV extension fixtures in tests/fixtures — each breaks one VC rule of the dcv-extension role, in C#
/// or Python, beside conformant ones in both languages and the reference extension — through the real command, and
/// checks each is judged exactly right: the broken requirement with its outcome, every other one of the role passed,
/// the exit code, and no process of the fixture left running.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class DcvExtensionFixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        DcvExtensionFixtureCases.All.Select(fixture => new TestCaseData(fixture.Command, fixture.Judged).SetName($"{fixture.Name} is judged: {fixture.Expected}"));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string[] command, string[] judged)
    {
        var expected = DcvExtensionFixtureCases.RoleRequirements.ToDictionary(id => id, _ => "passed");
        foreach (var entry in judged)
        {
            var parts = entry.Split(' ');
            expected[parts[0]] = parts[1];
        }

        var token = $"dcv-fixture-{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("certify-dcv").FullName;
        await RealTimeCertifications.EnterAsync();
        try
        {
            var manifest = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(manifest, new JsonObject
            {
                ["environment"] = new JsonObject { ["CONFORMANCE_FIXTURE_TOKEN"] = token },
                // The harness's own allowance for an exit, not a protocol deadline: room for a runtime's shutdown on a busy machine.
                ["timeouts"] = new JsonObject { ["exitSeconds"] = 15 },
            }.ToJsonString());
            var report = Path.Combine(folder, "report");
            var output = new StringWriter();
            var code = await ConformanceCommand.RunAsync(
                ["certify", "dcv-extension", "--root", Project.Layout.Root, "--manifest", manifest, "--report", report, "--", .. command], output, new StringWriter());

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;
            var outcomes = results["requirements"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["outcome"]!.GetValue<string>());
            var differences = expected.Keys.Union(outcomes.Keys).Where(id => expected.GetValueOrDefault(id) != outcomes.GetValueOrDefault(id))
                .Select(id => $"{id}: expected {expected.GetValueOrDefault(id) ?? "(none)"}, actual {outcomes.GetValueOrDefault(id) ?? "(none)"}").ToList();
            Assert.That(differences, Is.Empty, $"requirements judged otherwise than expected\n{output}");
            Assert.That(code, Is.EqualTo(expected.ContainsValue("failed") ? 1 : 0), output.ToString());
            Assert.That(FixtureProcesses.Carrying(token), Is.Empty, "processes of the fixture outlived the command");
        }
        finally
        {
            RealTimeCertifications.Leave();
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Certifies the Pipe Messaging fixtures in tests/fixtures — each breaks one PM rule of its role, in C# or Python,
/// beside conformant ones in both languages and the reference executable — through the real command, and checks
/// each is judged exactly right: the broken requirements with their outcomes, every other one of the role passed,
/// the exit code, and no process of the fixture left running.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class PipeMessagingFixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        PipeMessagingFixtureCases.All.Select(fixture => new TestCaseData(fixture.Role, fixture.Command, fixture.Judged).SetName($"{fixture.Name} is judged: {fixture.Expected}"));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string role, string[] command, string[] judged)
    {
        var expected = PipeMessagingFixtureCases.Outcomes(role, judged);

        var token = $"pm-fixture-{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("certify-pm").FullName;
        try
        {
            var (code, output, results) = await RealTimeCertifications.RunAsync(() => CertifyAsync(role, command, token, folder));
            var outcomes = results["requirements"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["outcome"]!.GetValue<string>());
            var differences = expected.Keys.Union(outcomes.Keys).Where(id => expected.GetValueOrDefault(id) != outcomes.GetValueOrDefault(id))
                .Select(id => $"{id}: expected {expected.GetValueOrDefault(id) ?? "(none)"}, actual {outcomes.GetValueOrDefault(id) ?? "(none)"}").ToList();
            Assert.That(differences, Is.Empty, $"requirements judged otherwise than expected\n{output}");
            // Not conformant when a MUST failed, or went unchecked (skipped for want of events): every PM MUST but PM-C04 and PM-E10.
            var unverified = expected.Any(pair => pair.Value == "skipped" && pair.Key is not ("PM-C04" or "PM-E10"));
            Assert.That(code, Is.EqualTo(expected.ContainsValue("failed") || unverified ? 1 : 0));
            if (unverified)
            {
                Assert.That(results["verdict"]!.GetValue<string>(), Does.Contain("unchecked MUST").And.Contain("Conformance.EmitEvent"));
            }

            Assert.That(FixtureProcesses.Carrying(token), Is.Empty, "processes of the fixture outlived the command");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, StringWriter Output, JsonNode Results)> CertifyAsync(string role, string[] command, string token, string folder)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        // Far more time to start than any fixture needs, even when the machine is busy; the protocol's own deadlines stay.
        var start = role is "event-pipe-service" or "command-pipe-server" ? "readySeconds" : "connectSeconds";
        await File.WriteAllTextAsync(manifest, new JsonObject
        {
            ["environment"] = new JsonObject { ["CONFORMANCE_FIXTURE_TOKEN"] = token },
            ["timeouts"] = new JsonObject { [start] = 30 },
        }.ToJsonString());
        var report = Path.Combine(folder, "report");
        var output = new StringWriter();
        // Four acts at a time: with another certification beside it, more would start (and compile the first code of) so
        // many runtimes at once that a conformant server misses its one-second deadlines on a two-core machine.
        var code = await ConformanceCommand.RunAsync(
            ["certify", role, "--root", Project.Layout.Root, "--manifest", manifest, "--report", report, "--parallel", "4", "--", .. command], output, new StringWriter());
        return (code, output, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!);
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Certifies the DCV extension fixtures in tests/fixtures — each breaks one VC rule of the dcv-extension role, in C#
/// or Python, beside conformant ones in both languages and the reference extension — through the real command, and
/// checks each is judged exactly right: the broken requirement with its outcome, every other one of the role passed,
/// the exit code, the time a conformant one takes, and no process of the fixture left running.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class DcvExtensionFixtureTests
{
    private static readonly string Bin = AppContext.BaseDirectory;
    private static readonly string PythonInterpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private static readonly string Python = Path.Combine(Project.Layout.Root, "tests", "fixtures", "python");
    private static readonly string[] RoleRequirements = ["VC-01", "VC-04", "VC-11", "VC-13", "VC-15", "VC-16"];

    // Each certification runs one session of a few seconds: two at a time keep the machine's other work going.
    private static readonly SemaphoreSlim Certifications = new(2);

    public static IEnumerable<TestCaseData> Fixtures()
    {
        TestCaseData Case(string name, string[] command, params string[] judged) =>
            new TestCaseData(command, judged).SetName($"{name} is judged: {(judged.Length == 0 ? "conformant" : string.Join(", ", judged))}");
        string[] Dotnet(string behaviour) => ["dotnet", Path.Combine(Bin, "DcvExtensionFixtures.dll"), behaviour];
        string[] PythonFixture(string behaviour) => [PythonInterpreter, Path.Combine(Python, "dcv_extension.py"), behaviour];

        yield return Case("the reference extension (C#)", ["dotnet", Path.Combine(Bin, "ReferenceDcvExtension.dll"), "--greet", "hello"]);
        yield return Case("a conformant C# extension", Dotnet("conformant"));
        yield return Case("a conformant Python extension", PythonFixture("conformant"));
        yield return Case("a Python extension that writes before the ready event", PythonFixture("writes-before-ready"), "VC-04 failed");
        yield return Case("a Python extension that sends a wrong token", PythonFixture("wrong-token"), "VC-04 failed");
        yield return Case("a Python extension that writes to standard error", PythonFixture("writes-to-stderr"), "VC-11 failed");
        yield return Case("a C# extension that writes to standard error", Dotnet("writes-to-stderr"), "VC-11 failed");
        yield return Case("a Python extension that crashes when its fifth channel is refused", PythonFixture("crashes-on-refusal"), "VC-13 non-strict");
        yield return Case("a C# extension that crashes when its fifth channel is refused", Dotnet("crashes-on-refusal"), "VC-13 non-strict");
        yield return Case("a Python extension whose relays a child process opens", PythonFixture("relay-from-a-child"), "VC-15 failed");
        yield return Case("a Python extension that floods its control channel", PythonFixture("floods-stdout"), "VC-01 failed");
        yield return Case("a Python extension that writes half a frame and exits", PythonFixture("truncates-a-frame"), "VC-01 failed");
        yield return Case("a Python extension that writes a length over the limit", PythonFixture("writes-a-huge-length"), "VC-01 failed");
        yield return Case("a Python extension that writes a length with its top bit set", PythonFixture("writes-a-top-bit-length"), "VC-01 failed");
        yield return Case("a Python extension that reads on past a malformed frame from DCV", PythonFixture("ignores-malformed-frames"), "VC-01 failed");
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string[] command, string[] judged)
    {
        var expected = RoleRequirements.ToDictionary(id => id, _ => "passed");
        foreach (var entry in judged)
        {
            var parts = entry.Split(' ');
            expected[parts[0]] = parts[1];
        }

        var token = $"dcv-fixture-{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("certify-dcv").FullName;
        await Certifications.WaitAsync();
        try
        {
            var manifest = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(manifest, new JsonObject
            {
                ["environment"] = new JsonObject { ["CONFORMANCE_FIXTURE_TOKEN"] = token },
            }.ToJsonString());
            var report = Path.Combine(folder, "report");
            var output = new StringWriter();
            var clock = Stopwatch.StartNew();
            var code = await ConformanceCommand.RunAsync(
                ["certify", "dcv-extension", "--root", Project.Layout.Root, "--manifest", manifest, "--report", report, "--", .. command], output, new StringWriter());
            var took = clock.Elapsed;

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;
            var outcomes = results["requirements"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["outcome"]!.GetValue<string>());
            var differences = expected.Keys.Union(outcomes.Keys).Where(id => expected.GetValueOrDefault(id) != outcomes.GetValueOrDefault(id))
                .Select(id => $"{id}: expected {expected.GetValueOrDefault(id) ?? "(none)"}, actual {outcomes.GetValueOrDefault(id) ?? "(none)"}").ToList();
            Assert.That(differences, Is.Empty, $"requirements judged otherwise than expected\n{output}");
            Assert.That(code, Is.EqualTo(expected.ContainsValue("failed") ? 1 : 0), output.ToString());
            if (judged.Length == 0)
            {
                Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(20)), "certifying a conformant extension takes under 20 s");
            }

            Assert.That(FixtureProcesses.Carrying(token), Is.Empty, "processes of the fixture outlived the command");
        }
        finally
        {
            Certifications.Release();
            Directory.Delete(folder, recursive: true);
        }
    }
}

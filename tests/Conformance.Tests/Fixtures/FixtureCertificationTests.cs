using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Protocols.Secrets;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Certifies the connectors in tests/fixtures — each breaks exactly one LC-C requirement, in C# or Python,
/// beside conformant ones in C#, Python and Node.js —
/// through the real command, and checks that each is judged exactly right: the broken requirement with its
/// outcome, every other one passed, no secret in any file of the report, and no process left behind.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class FixtureCertificationTests
{
    private const string Password = "Pw-Fixture-9f3b!+/=";
    private const string Pin = "Pin-7c1e&%~";

    private static readonly string Bin = AppContext.BaseDirectory;
    private static readonly string Python = Path.Combine(Project.Layout.Root, "tests", "fixtures", "python");

    public static IEnumerable<TestCaseData> Fixtures()
    {
        TestCaseData Case(string name, string[] command, params string[] judged) =>
            new TestCaseData(command, judged).SetName($"{name} is judged: {(judged.Length == 0 ? "conformant" : string.Join(", ", judged))}");
        string[] Dotnet(string misbehaviour) => ["dotnet", Path.Combine(Bin, "MisbehavingConnector.dll"), misbehaviour];
        string[] PythonFixture(string script) => ["python3", Path.Combine(Python, script + ".py")];

        yield return Case("the reference connector", ["dotnet", Path.Combine(Bin, "ReferenceConnector.dll")]);
        yield return Case("a C# connector that never connects", Dotnet("never-connects"), "LC-C01 failed", "every other skipped but LC-C13");
        yield return Case("a C# connector that sends an unknown event type", Dotnet("unknown-event-type"), "LC-C04 failed");
        yield return Case("a C# connector that reports closed before created", Dotnet("closed-before-created"), "LC-C06 failed");
        yield return Case("a C# connector that reports a failure after created", Dotnet("failure-after-created"), "LC-C06 failed");
        yield return Case("a C# connector that writes a BOM and CRLF", Dotnet("bom-and-crlf"), "LC-C03 non-strict");
        yield return Case("a conformant Python connector", PythonFixture("conformant_connector"));
        yield return Case("a Python connector that writes invalid JSON", PythonFixture("writes_invalid_json"), "LC-C02 failed");
        yield return Case("a Python connector that writes invalid UTF-8", PythonFixture("writes_invalid_utf8"), "LC-C02 failed");
        yield return Case("a Python connector that floods and writes a 5 MiB line", PythonFixture("floods_and_writes_a_huge_line"), "LC-C02 failed");
        yield return Case("a Python connector that leaks the password to standard error", PythonFixture("leaks_password_to_stderr"), "LC-C09 failed");
        yield return Case("a Python connector that leaks the password in a child's command line", PythonFixture("leaks_password_in_child_command_line"), "LC-C09 failed");
        yield return Case("a Python connector that lingers after its final event", PythonFixture("lingers_after_final_event"), "LC-C10 non-strict");
        yield return Case("a conformant Node.js connector", ["node", Path.Combine(Project.Layout.Root, "tests", "fixtures", "node", "conformant-connector.js")]);
        yield return Case("a Python connector that crashes mid-line", PythonFixture("crashes_mid_line"), "LC-C02 failed", "LC-C07 non-strict", "LC-C08 non-strict", "LC-C12 skipped");
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string[] command, string[] judged)
    {
        if (command[0] is "python3" or "node" && !OnPath(command[0]))
        {
            Assert.Ignore($"{command[0]} is not on this machine's PATH");
        }

        var expected = Expected(judged);
        var folder = Directory.CreateTempSubdirectory("certify").FullName;
        try
        {
            var manifest = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(manifest, new JsonObject
            {
                ["launchable"] = new JsonObject { ["password"] = Password, ["accountSecureFields"] = new JsonObject { ["pin"] = Pin } },
                ["timeouts"] = new JsonObject { ["connectSeconds"] = 8, ["windowCreatedSeconds"] = 15, ["windowClosedSeconds"] = 15, ["exitSeconds"] = 3, ["windowLifetimeSeconds"] = 0.3 },
            }.ToJsonString());
            var report = Path.Combine(folder, "report");
            var output = new StringWriter();

            var code = await ConformanceCommand.RunAsync(
                ["certify", "connector", "--root", Project.Layout.Root, "--manifest", manifest, "--report", report, "--parallel", "4", "--", .. command],
                output,
                new StringWriter());

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;
            var outcomes = results["requirements"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["outcome"]!.GetValue<string>());
            Assert.That(outcomes, Is.EqualTo(expected), output.ToString());
            Assert.That(code, Is.EqualTo(expected.ContainsValue("failed") ? 1 : 0));
            Assert.That(results["target"]!["command"]!.AsArray().Select(part => part!.GetValue<string>()), Is.EqualTo(command));
            AssertNoSecretIn(report);
            AssertNoProcessLeftOf(report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Expected(string[] judged)
    {
        var ids = Enumerable.Range(1, 14).Select(n => $"LC-C{n:00}").ToList();
        var otherwise = judged.Contains("every other skipped but LC-C13") ? "skipped" : "passed";
        var expected = ids.ToDictionary(id => id, id => id == "LC-C13" ? "passed" : otherwise);
        foreach (var entry in judged.Where(entry => entry.StartsWith("LC-", StringComparison.Ordinal)))
        {
            var parts = entry.Split(' ');
            expected[parts[0]] = parts[1];
        }

        return expected;
    }

    private static void AssertNoSecretIn(string report)
    {
        var forms = new[] { Password, Pin }.SelectMany(SecretEncodings.Variants).ToList();
        foreach (var file in Directory.EnumerateFiles(report, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.That(forms.Where(form => text.Contains(form, StringComparison.Ordinal)), Is.Empty, $"a secret in {file}");
        }
    }

    private static void AssertNoProcessLeftOf(string report)
    {
        // The transcripts name every remote client a connector reported; none may outlive the run.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(report, "transcripts"), "*.json", SearchOption.AllDirectories))
        {
            var transcript = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var entry in transcript["entries"]!.AsArray())
            {
                if (entry!["line"] is JsonObject line && line["processId"] is JsonValue pid && pid.TryGetValue<int>(out var processId))
                {
                    Assert.That(Conformance.Processes.ProcessTable.IsAlive(processId), Is.False, $"process {processId} of {file} outlived the run");
                }
            }
        }
    }

    private static bool OnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, executable)));
}

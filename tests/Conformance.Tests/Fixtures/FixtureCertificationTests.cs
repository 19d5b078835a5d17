using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Protocols.Secrets;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Certifies the connectors in tests/fixtures — each breaks exactly one LC-C requirement, in C# or Python,
/// beside conformant ones in C#, Python and Node.js, and hostile ones that leave processes behind —
/// through the real command, once sharing one run per situation and once isolated, and checks that each is
/// judged exactly right in both: the broken requirement with its outcome, every other one passed, every
/// scenario the same in both modes, no secret in any file of the report, and no process left behind.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class FixtureCertificationTests
{
    private const string Password = "Pw-Fixture-9f3b!+/=";
    private const string Pin = "Pin-7c1e&%~";

    private static readonly string Bin = AppContext.BaseDirectory;

    // Each certification starts many processes at once (an isolated one, 24 connectors with their hosts): one per
    // core at a time keeps the machine's load, and so the connectors' timing, well inside their deadlines.
    private static readonly SemaphoreSlim Certifications = new(Environment.ProcessorCount);

    // The system interpreter when there is one: a version manager's shim adds half a second to every start.
    private static readonly string PythonInterpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private static readonly string Python = Path.Combine(Project.Layout.Root, "tests", "fixtures", "python");

    public static IEnumerable<TestCaseData> Fixtures()
    {
        TestCaseData Case(string name, string[] command, params string[] judged) =>
            new TestCaseData(command, judged, true).SetName($"{name} is judged: {(judged.Length == 0 ? "conformant" : string.Join(", ", judged))}");

        // Hostile to the harness rather than to the protocol: certified once, sharing runs, and checked for leftovers.
        // (Isolated, the one with 200 children would start 4,800: a load test, not a comparison of modes.)
        TestCaseData Hostile(string name, string[] command) =>
            new TestCaseData(command, Array.Empty<string>(), false).SetName($"{name} is judged conformant and leaves nothing running");
        string[] Dotnet(string misbehaviour) => ["dotnet", Path.Combine(Bin, "MisbehavingConnector.dll"), misbehaviour];
        string[] PythonFixture(string script) => [PythonInterpreter, Path.Combine(Python, script + ".py")];

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
        yield return Case("a Python connector that misspells its window event", PythonFixture("misspells_window_event"), "LC-C04 failed", "LC-C07 non-strict", "LC-C12 skipped");
        yield return Hostile("a Python connector that double-forks a daemon ignoring SIGTERM", PythonFixture("double_forks_a_daemon"));
        yield return Hostile("a Python connector that leaves 200 children behind", PythonFixture("starts_many_children"));
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string[] command, string[] judged, bool inBothModes)
    {
        if (command[0] is "python3" or "node" && !OnPath(command[0]))
        {
            Assert.Ignore($"{command[0]} is not on this machine's PATH");
        }

        var expected = Expected(judged);
        await Certifications.WaitAsync();
        Dictionary<string, string> shared, isolated;
        try
        {
            shared = await CertifyAsync(command, expected, isolated: false);
            if (!inBothModes)
            {
                return;
            }

            isolated = await CertifyAsync(command, expected, isolated: true);
        }
        finally
        {
            Certifications.Release();
        }

        Assert.That(Differences(shared, isolated), Is.Empty, "every scenario comes out the same whether runs are shared per situation (expected) or isolated (actual)");
    }

    /// <summary>Certifies, checks the verdict, the report and what is left running; returns each scenario's outcome.</summary>
    private static async Task<Dictionary<string, string>> CertifyAsync(string[] command, Dictionary<string, string> expected, bool isolated)
    {
        var mode = isolated ? "isolated" : "shared";
        var token = $"fixture-{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("certify").FullName;
        try
        {
            var manifest = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(manifest, new JsonObject
            {
                ["environment"] = new JsonObject { ["CONFORMANCE_FIXTURE_TOKEN"] = token },
                ["launchable"] = new JsonObject { ["password"] = Password, ["accountSecureFields"] = new JsonObject { ["pin"] = Pin } },
                // Deadlines far above what a conformant connector needs even on a loaded machine (dotnet starting 24 at once),
                // so that only a connector that breaks a rule can miss one; the remote client's lifetime is short to keep runs quick.
                ["timeouts"] = new JsonObject { ["connectSeconds"] = 15, ["windowCreatedSeconds"] = 15, ["windowClosedSeconds"] = 15, ["exitSeconds"] = 10, ["windowLifetimeSeconds"] = 0.3 },
            }.ToJsonString());
            var report = Path.Combine(folder, "report");
            var output = new StringWriter();
            string[] options = isolated ? ["--isolated", "--parallel", "24"] : [];

            var code = await ConformanceCommand.RunAsync(
                ["certify", "connector", "--root", Project.Layout.Root, "--manifest", manifest, "--report", report, .. options, "--", .. command],
                output,
                new StringWriter());

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;
            var outcomes = results["requirements"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["outcome"]!.GetValue<string>());
            Assert.That(Differences(expected, outcomes), Is.Empty, $"{mode}: requirements judged otherwise than expected\n{output}");
            Assert.That(code, Is.EqualTo(expected.ContainsValue("failed") ? 1 : 0), mode);
            Assert.That(results["target"]!["command"]!.AsArray().Select(part => part!.GetValue<string>()), Is.EqualTo(command));
            AssertNoSecretIn(report);
            AssertNoProcessLeftOf(report);
            Assert.That(FixtureProcesses.Carrying(token), Is.Empty, $"{mode}: processes of the connector outlived the command");
            return results["scenarios"]!.AsArray().ToDictionary(
                scenario => scenario!["name"]!.GetValue<string>(),
                scenario => scenario!["outcome"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>"LC-C07: expected passed, actual non-strict" for every key whose value differs.</summary>
    private static List<string> Differences(Dictionary<string, string> expected, Dictionary<string, string> actual) =>
        expected.Keys.Union(actual.Keys)
            .Where(key => expected.GetValueOrDefault(key) != actual.GetValueOrDefault(key))
            .Select(key => $"{key}: expected {expected.GetValueOrDefault(key) ?? "(none)"}, actual {actual.GetValueOrDefault(key) ?? "(none)"}")
            .ToList();

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

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

    public static IEnumerable<TestCaseData> Fixtures() =>
        ConnectorFixtures.All.Select(fixture => new TestCaseData(fixture.Command, fixture.Judged, fixture.InBothModes)
            .SetName(fixture.InBothModes ? $"{fixture.Name} is judged: {fixture.Expected}" : $"{fixture.Name} is judged {fixture.Expected} and leaves nothing running"));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string[] command, string[] judged, bool inBothModes)
    {
        if (command[0] is "python3" or "node" && !OnPath(command[0]))
        {
            Assert.Ignore($"{command[0]} is not on this machine's PATH");
        }

        var expected = Expected(judged);
        var shared = await RealTimeCertifications.RunAsync(() => CertifyAsync(command, expected, isolated: false));
        if (!inBothModes)
        {
            return;
        }

        var isolated = await RealTimeCertifications.RunAsync(() => CertifyAsync(command, expected, isolated: true));
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
            // A run per scenario, eight at a time (the default here): all 24 at once crowd out a certification beside it.
            string[] options = isolated ? ["--isolated", "--parallel", "8"] : [];

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

    /// <summary>Issue 13: a connector whose only fault is a policy rule is conformant against the source alone, and told which rule it missed.</summary>
    [Test]
    public async Task A_connector_that_only_breaks_a_policy_is_conformant_with_source_only_and_is_told_so()
    {
        var fixture = ConnectorFixtures.All.Single(candidate => candidate.File == "python/leaks_password_to_stderr.py");
        var folder = Directory.CreateTempSubdirectory("source-only").FullName;
        try
        {
            var output = new StringWriter();
            var code = await ConformanceCommand.RunAsync(
                ["certify", "connector", "--root", Project.Layout.Root, "--tags", "@req:LC-C09", "--source-only", "--report", folder, "--", .. fixture.Command],
                output,
                new StringWriter());
            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json")))!;

            Assert.That(code, Is.EqualTo(0), output.ToString());
            Assert.That(results["requirements"]![0]!["outcome"]!.GetValue<string>(), Is.EqualTo("informational"));
            Assert.That(results["requirements"]![0]!["origin"]!.GetValue<string>(), Is.EqualTo("policy"));
            Assert.That(results["verdict"]!.GetValue<string>(), Does.Contain("policy requirement missed, counted as information: LC-C09"));
            Assert.That(output.ToString(), Does.Contain("CONFORMANT — against the sources alone"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Issue 11: a conformant connector whose message text changed stays conformant; the change shows as a regression (exit 3).</summary>
    [Test]
    public async Task A_changed_message_leaves_the_verdict_conformant_and_exits_3_against_the_approved_baseline()
    {
        var fixture = ConnectorFixtures.All.Single(candidate => candidate.File == "python/conformant_connector.py");
        var folder = Directory.CreateTempSubdirectory("baseline").FullName;
        try
        {
            async Task<(int Code, JsonNode Results)> CertifyAsync(string message, params string[] extra)
            {
                var manifest = Path.Combine(folder, "manifest.json");
                await File.WriteAllTextAsync(manifest, new JsonObject
                {
                    ["environment"] = new JsonObject { ["FIXTURE_WINDOW_MESSAGE"] = message },
                    ["timeouts"] = new JsonObject { ["windowLifetimeSeconds"] = 0.3 },
                }.ToJsonString());
                var report = Path.Combine(folder, "report");
                var code = await ConformanceCommand.RunAsync(
                    ["certify", "connector", "--root", Project.Layout.Root, "--tags", "@req:LC-C07", "--manifest", manifest, "--report", report,
                        "--snapshots", Path.Combine(folder, "approved"), .. extra, "--", .. fixture.Command],
                    new StringWriter(),
                    new StringWriter());
                return (code, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!);
            }

            var (approved, _) = await CertifyAsync("remote client started", "--accept");
            var (same, _) = await CertifyAsync("remote client started");
            var (changed, results) = await CertifyAsync("remote window is up");

            Assert.That(approved, Is.EqualTo(0));
            Assert.That(same, Is.EqualTo(0), "the same behaviour matches its baseline");
            Assert.That(changed, Is.EqualTo(3), "conformant, but changed against the baseline");
            Assert.That(results["outcome"]!.GetValue<string>(), Is.EqualTo("conformant"));
            var snapshot = results["scenarios"]![0]!["snapshot"]!;
            Assert.That(snapshot["state"]!.GetValue<string>(), Is.EqualTo("changed"));
            Assert.That(snapshot["difference"]!.GetValue<string>(), Does.Contain("remote window is up"));
            Assert.That(results["snapshots"]!["changed"]!.GetValue<int>(), Is.EqualTo(1));
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

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
    private static readonly string Bin = AppContext.BaseDirectory;
    private static readonly string PythonInterpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private static readonly string Python = Path.Combine(Project.Layout.Root, "tests", "fixtures", "python");

    // Each certification starts a process per act, a dozen at once: two at a time keep their timing inside the deadlines.
    private static readonly SemaphoreSlim Certifications = new(2);

    private static readonly Dictionary<string, string[]> RoleRequirements = new()
    {
        ["event-pipe-service"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-E01", "PM-E02", "PM-E03", "PM-E05", "PM-E06", "PM-E07", "PM-E08", "PM-E09", "PM-E10"],
        ["event-pipe-client"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-E02", "PM-E04", "PM-E05", "PM-E06"],
        ["command-pipe-server"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-C01", "PM-C02", "PM-C03"],
        ["command-pipe-client"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-C04"],
    };

    public static IEnumerable<TestCaseData> Fixtures()
    {
        TestCaseData Case(string name, string role, string[] command, params string[] judged) =>
            new TestCaseData(role, command, judged).SetName($"{name} is judged: {(judged.Length == 0 ? "conformant" : string.Join(", ", judged))}");
        string[] Reference(string role) => ["dotnet", Path.Combine(Bin, "ReferencePipeMessaging.dll"), role];
        string[] Dotnet(string role, string behaviour) => ["dotnet", Path.Combine(Bin, "PipeMessagingFixtures.dll"), role, behaviour];
        string[] PythonFixture(string script, params string[] arguments) => [PythonInterpreter, Path.Combine(Python, script + ".py"), .. arguments];

        yield return Case("the reference event-pipe service (C#)", "event-pipe-service", Reference("event-pipe-service"));
        yield return Case("a conformant Python event-pipe service", "event-pipe-service", PythonFixture("pm_event_service", "conformant"));
        yield return Case("a Python service that never answers the handshake", "event-pipe-service", PythonFixture("pm_event_service", "never-answers-handshake"), "PM-E03 failed");
        yield return Case("a Python service that never checks an idle client", "event-pipe-service", PythonFixture("pm_event_service", "no-checks"), "PM-E05 failed");
        yield return Case("a Python service that loses an unconfirmed event", "event-pipe-service", PythonFixture("pm_event_service", "loses-unconfirmed"), "PM-E07 failed");
        yield return Case("a Python service that keeps TrafficChanged", "event-pipe-service", PythonFixture("pm_event_service", "keeps-traffic"), "PM-E08 failed", "PM-E10 non-strict");
        yield return Case("a Python service that redelivers newest first", "event-pipe-service", PythonFixture("pm_event_service", "redelivers-newest-first"), "PM-E09 failed");
        yield return Case("a Python service that dies on a hostile length", "event-pipe-service", PythonFixture("pm_event_service", "dies-on-hostile-length"), "PM-F02 failed");
        yield return Case("a Python service that will not emit events on request", "event-pipe-service", PythonFixture("pm_event_service", "refuses-emit-event"),
            "PM-E06 skipped", "PM-E07 skipped", "PM-E08 skipped", "PM-E09 skipped", "PM-E10 skipped");

        yield return Case("the reference event-pipe client (C#)", "event-pipe-client", Reference("event-pipe-client"));
        yield return Case("a conformant C# event-pipe client", "event-pipe-client", Dotnet("event-pipe-client", "conformant"));
        yield return Case("a conformant Python event-pipe client", "event-pipe-client", PythonFixture("pm_event_client"));
        yield return Case("a C# client that handshakes late", "event-pipe-client", Dotnet("event-pipe-client", "handshakes-late"), "PM-E02 failed");
        yield return Case("a C# client that never reconnects after its time-out", "event-pipe-client", Dotnet("event-pipe-client", "never-reconnects"), "PM-E04 failed");
        yield return Case("a C# client that ignores the service's checks", "event-pipe-client", Dotnet("event-pipe-client", "ignores-checks"), "PM-E05 failed");
        yield return Case("a C# client that never confirms", "event-pipe-client", Dotnet("event-pipe-client", "never-confirms"), "PM-E06 failed");

        yield return Case("the reference command-pipe server (C#)", "command-pipe-server", Reference("command-pipe-server"));
        yield return Case("a conformant C# command-pipe server", "command-pipe-server", Dotnet("command-pipe-server", "conformant"));
        yield return Case("a conformant Python command-pipe server", "command-pipe-server", PythonFixture("pm_command_server"));
        yield return Case("a C# server that takes two requests on one connection", "command-pipe-server", Dotnet("command-pipe-server", "takes-two-requests"), "PM-C01 failed");
        yield return Case("a C# server that drops waiting clients", "command-pipe-server", Dotnet("command-pipe-server", "drops-waiting-clients"), "PM-C02 failed");
        yield return Case("a C# server that never disconnects a silent client", "command-pipe-server", Dotnet("command-pipe-server", "never-disconnects-silent-clients"), "PM-C03 failed");

        yield return Case("the reference command-pipe client (C#)", "command-pipe-client", Reference("command-pipe-client"));
        yield return Case("a conformant C# command-pipe client", "command-pipe-client", Dotnet("command-pipe-client", "conformant"));
        yield return Case("a conformant Python command-pipe client", "command-pipe-client", PythonFixture("pm_command_client"));
        yield return Case("a C# client that gives up on a slow answer", "command-pipe-client", Dotnet("command-pipe-client", "gives-up-after-2-seconds"), "PM-C04 non-strict");
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task Certification(string role, string[] command, string[] judged)
    {
        var expected = RoleRequirements[role].ToDictionary(id => id, _ => "passed");
        foreach (var entry in judged)
        {
            var parts = entry.Split(' ');
            expected[parts[0]] = parts[1];
        }

        var token = $"pm-fixture-{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("certify-pm").FullName;
        await Certifications.WaitAsync();
        try
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
            // Every act runs at once: they mostly wait on the protocol's deadlines, so a certification takes as long as its longest act.
            var code = await ConformanceCommand.RunAsync(
                ["certify", role, "--root", Project.Layout.Root, "--manifest", manifest, "--report", report, "--parallel", "8", "--", .. command], output, new StringWriter());

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;
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
            Certifications.Release();
            Directory.Delete(folder, recursive: true);
        }
    }
}

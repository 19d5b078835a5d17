using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Reports;

/// <summary>Issue 6: a certification says where its time went — each run of the executable, for how many scenarios, and what it waited for.</summary>
public class TimeSpentTests
{
    [Test]
    public async Task A_certification_names_each_run_of_the_executable_with_its_scenarios_and_waits_in_every_report()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var folder = Directory.CreateTempSubdirectory("time-spent").FullName;
        try
        {
            var console = new StringWriter();
            var code = await ConformanceCommand.RunAsync(
                ["certify", "connector", "--tags", "@req:LC-C04 or @req:LC-C06", "--root", Project.Layout.Root, "--report", folder, "--",
                    python, Path.Combine(Project.Layout.Root, "tests", "fixtures", "python", "conformant_connector.py")],
                console, new StringWriter());

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json")))!;
            var scenarios = results["scenarios"]!.AsArray().Count;
            var situations = results["situations"]!.AsArray();
            var judged = situations.Sum(situation => situation!["scenarios"]!.GetValue<int>());

            Assert.That(code, Is.EqualTo(0), console.ToString());
            Assert.That(situations, Has.Count.GreaterThan(0).And.Count.LessThan(scenarios), "scenarios of one situation share its run");
            Assert.That(judged, Is.EqualTo(scenarios), "every scenario judged exactly one run");
            Assert.That(console.ToString(), Does.Contain($"Time: {situations.Count} runs of the executable under test for {scenarios} scenarios"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(folder, "report.html")), Does.Contain("Where the time went"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

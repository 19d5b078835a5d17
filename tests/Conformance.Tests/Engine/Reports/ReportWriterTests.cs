using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Reports;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;
using Conformance.Engine.Validation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Reports;

public class ReportWriterTests
{
    private static readonly Requirement Must = new("LC-C04", RequirementLevel.Must, "connector", "m", RequirementOrigin.Source, "launcher-connector");
    private static readonly Requirement Should = new("LC-C03", RequirementLevel.Should, "connector", "s", RequirementOrigin.Source, "launcher-connector");

    private static ScenarioResult Result(string name, ScenarioOutcome outcome, string requirement, Violation? violation = null) => new()
    {
        Scenario = new CompiledScenario
        {
            FeaturePath = "features/launcher-connector/connector-lines.feature",
            FeatureName = "Lines",
            Name = name,
            Tags = ["@role:connector", $"@req:{requirement}"],
            Steps = [],
            Line = 3,
            Example = [KeyValuePair.Create("kind", "launchable")],
            ExampleLine = 9,
        },
        Outcome = outcome,
        Reason = outcome is ScenarioOutcome.Skipped or ScenarioOutcome.Undefined ? "because" : null,
        Suggestion = outcome == ScenarioOutcome.Undefined ? "[Then(@\"x\")]" : null,
        Violations = violation is null ? [] : [violation],
        Notes = ["a note"],
        Duration = TimeSpan.FromMilliseconds(12),
        Transcript = new JsonObject { ["entries"] = new JsonArray() },
    };

    private static RunResult Run(bool strict) => new(
        [
            Result("clean", ScenarioOutcome.Passed, "LC-C04"),
            // Under --strict the runner labels a missed SHOULD failed.
            Result("crlf", strict ? ScenarioOutcome.Failed : ScenarioOutcome.NonStrict, "LC-C03", new Violation("LC-C03", "LF alone", "CR LF")),
            Result("bad", ScenarioOutcome.Failed, "LC-C04", new Violation("LC-C04", "schema", "eventType 1")),
            Result("later", ScenarioOutcome.Skipped, "LC-C04"),
            Result("unbound", ScenarioOutcome.Undefined, "LC-C04"),
        ],
        RequirementVerdicts.Judge([Must, Should], [Result("crlf", ScenarioOutcome.NonStrict, "LC-C03", new Violation("LC-C03", "LF alone", "CR LF"))], new Judging(Strict: strict)),
        new Judging(Strict: strict),
        DateTimeOffset.UtcNow,
        TimeSpan.FromSeconds(1));

    [Test]
    public async Task Writes_results_that_satisfy_the_projects_own_schema_with_transcripts_beside_them()
    {
        var folder = Directory.CreateTempSubdirectory("report").FullName;
        try
        {
            var schemas = await SchemaSet.LoadAsync(Project.Layout.Schemas);

            var path = new ReportWriter(schemas).Write(Run(strict: false), new RunTarget("connector", ["python3", "c.py"]), folder);
            var results = JsonNode.Parse(File.ReadAllText(path))!;

            Assert.That(schemas.Get(ReportWriter.ResultsSchema).Validate(File.ReadAllText(path)), Is.Empty);
            Assert.That(results["outcome"]!.GetValue<string>(), Is.EqualTo("not-conformant"));
            Assert.That(results["summary"]!["nonStrict"]!.GetValue<int>(), Is.EqualTo(1));
            var scenario = results["scenarios"]![1]!;
            Assert.That(scenario["outcome"]!.GetValue<string>(), Is.EqualTo("non-strict"));
            Assert.That(scenario["example"]!["kind"]!.GetValue<string>(), Is.EqualTo("launchable"));
            Assert.That(File.Exists(Path.Combine(folder, scenario["transcript"]!.GetValue<string>())));
            Assert.That(File.Exists(Path.Combine(folder, "junit.xml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Reports_failed_and_undefined_scenarios_as_JUnit_failures_and_non_strict_ones_only_under_strict()
    {
        var lenient = JUnitReport.Build(Run(strict: false)).Root!;
        var strict = JUnitReport.Build(Run(strict: true)).Root!;

        Assert.That((int)lenient.Attribute("failures")!, Is.EqualTo(2));
        Assert.That((int)lenient.Attribute("skipped")!, Is.EqualTo(1));
        Assert.That((int)strict.Attribute("failures")!, Is.EqualTo(3));
        var failure = lenient.Descendants("failure").First();
        Assert.That((string)failure.Attribute("message")!, Is.EqualTo("LC-C04: eventType 1"));
        Assert.That(lenient.Descendants("property").Select(property => (string)property.Attribute("value")!), Does.Contain("LC-C03 SHOULD source"));
    }

    [Test]
    public async Task Labels_a_missed_SHOULD_failed_everywhere_under_strict_and_names_the_verdict()
    {
        var folder = Directory.CreateTempSubdirectory("report").FullName;
        try
        {
            var path = new ReportWriter(await SchemaSet.LoadAsync(Project.Layout.Schemas)).Write(Run(strict: true), new RunTarget("connector", ["c"]), folder);
            var results = JsonNode.Parse(File.ReadAllText(path))!;
            var html = File.ReadAllText(Path.Combine(folder, "report.html"));

            Assert.That(results["requirements"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "LC-C03")!["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(results["scenarios"]![1]!["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(results["judging"]!["strict"]!.GetValue<bool>(), Is.True);
            Assert.That(results["verdict"]!.GetValue<string>(), Does.StartWith("NOT CONFORMANT — failed: LC-C03"));
            Assert.That(html, Does.Contain("NOT CONFORMANT — failed: LC-C03").And.Not.Contain("non-strict</td>"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Reports;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Tests.Engine.Reports;

public class HtmlReportTests
{
    private static readonly Requirement Must = new("LC-C09", RequirementLevel.Must, "connector", "No secret leaves the pipe.", RequirementOrigin.Source, "launcher-connector");

    private static string Page()
    {
        var result = new ScenarioResult
        {
            Scenario = new CompiledScenario { FeaturePath = "features/x.feature", FeatureName = "Secrets", Name = "<b>neither</b> secret leaks", Tags = ["@req:LC-C09"], Steps = [], Line = 2 },
            Outcome = ScenarioOutcome.Failed,
            Violations = [new Violation("LC-C09", "no secret in standard error", "secret #1 appears verbatim in standard error")],
            Steps = [new StepResult("Then", "neither secret appears", 5, StepStatus.Failed, "LC-C09: found", TimeSpan.Zero)],
            Attachments = new Dictionary<string, string> { ["standard error"] = "debug: logging in with ***" },
        };
        var run = new RunResult([result], [new RequirementResult(Must, ScenarioOutcome.Failed, ["x"])], Judging.Default, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1));
        return HtmlReport.Build(run, new RunTarget("connector", ["python3", "c.py"]));
    }

    [Test]
    public void Works_offline_with_no_script_and_no_external_resource()
    {
        var page = Page();

        Assert.That(page, Does.Not.Contain("<script").And.Not.Contain("src=").And.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<link"));
    }

    [Test]
    public void Shows_the_verdict_the_requirements_and_each_violation_as_expected_against_actual()
    {
        var page = Page();

        Assert.That(page, Does.Contain("NOT CONFORMANT"));
        Assert.That(page, Does.Contain("No secret leaves the pipe."));
        Assert.That(page, Does.Contain("<td>no secret in standard error</td><td><pre>secret #1 appears verbatim in standard error</pre></td>"));
        Assert.That(page, Does.Contain("debug: logging in with ***"));
    }

    [Test]
    public void Escapes_what_came_from_the_features_and_the_process()
    {
        Assert.That(Page(), Does.Contain("&lt;b&gt;neither&lt;/b&gt; secret leaks").And.Not.Contain("<b>neither</b>"));
    }

    [Test]
    public void Says_how_to_fix_a_known_mistake_next_to_its_violation()
    {
        var bom = new Requirement("LC-C03", RequirementLevel.Should, "connector", "No BOM, no CR.", RequirementOrigin.Policy, "launcher-connector", "why")
        {
            Mistakes = [new KnownMistake("LC-C03", "StreamWriter(pipe, Encoding.UTF8) writes a <BOM>", "use new UTF8Encoding(false)", "new StreamWriter(pipe, new UTF8Encoding(false)) { NewLine = \"\\n\" }")],
        };
        var result = new ScenarioResult
        {
            Scenario = new CompiledScenario { FeaturePath = "features/launcher-connector/connector-lines.feature", FeatureName = "Lines", Name = "no BOM", Tags = ["@req:LC-C03"], Steps = [], Line = 2 },
            Outcome = ScenarioOutcome.NonStrict,
            Violations = [new Violation("LC-C03", "no byte-order mark", "EF BB BF"), new Violation("LC-C03", "no CR before LF", "line 1 ends with CR LF")],
        };
        var run = new RunResult([result], [new RequirementResult(bom, ScenarioOutcome.NonStrict, ["x"])], Judging.Default, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1));

        var page = HtmlReport.Build(run, new RunTarget("connector", ["dotnet", "c.dll"]));

        Assert.That(Regex.Count(page, "class=\"mistake\""), Is.EqualTo(1), "once under the violations it explains");
        Assert.That(page, Does.Contain("writes a &lt;BOM&gt;").And.Contain("use new UTF8Encoding(false)").And.Contain("NewLine = &quot;\\n&quot;"));
        Assert.That(page.IndexOf("class=\"mistake\"", StringComparison.Ordinal), Is.GreaterThan(page.IndexOf("line 1 ends with CR LF", StringComparison.Ordinal)));
    }

    [Test]
    public void Draws_each_scenarios_transcript_as_a_sequence_diagram()
    {
        var transcript = new JsonObject
        {
            ["scenario"] = "s",
            ["clock"] = "real",
            ["entries"] = new JsonArray(
                new JsonObject { ["at"] = "+00:00:00.010", ["kind"] = "sent", ["line"] = new JsonObject { ["password"] = "***" } },
                new JsonObject { ["at"] = "+00:00:00.250", ["kind"] = "received", ["line"] = new JsonObject { ["eventType"] = "Custom", ["message"] = "<hi>" } }),
        };
        var result = new ScenarioResult
        {
            Scenario = new CompiledScenario { FeaturePath = "features/launcher-connector/x.feature", FeatureName = "F", Name = "s", Tags = [], Steps = [], Line = 2 },
            Outcome = ScenarioOutcome.Passed,
            Transcript = transcript,
        };
        var run = new RunResult([result], [], Judging.Default, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1));

        var page = HtmlReport.Build(run, RunTarget.Reference);

        var svg = Regex.Match(page, "<svg .*?</svg>", RegexOptions.Singleline).Value;
        var diagram = XDocument.Parse(svg);
        Assert.That(diagram.Root!.Elements("g").Count(group => (string?)group.Attribute("class") == "seq-message"), Is.EqualTo(2));
        Assert.That(svg, Does.Contain(">+00:00:00.250</text>").And.Contain("Custom “&lt;hi&gt;”").And.Contain(">Launcher</text>"));
    }
}

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
}

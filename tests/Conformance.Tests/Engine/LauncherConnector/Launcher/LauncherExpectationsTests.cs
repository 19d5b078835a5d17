using Conformance.Engine.Gherkin;
using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Running;

namespace Conformance.Tests.Engine.LauncherConnector.Launcher;

public class LauncherExpectationsTests
{
    private static ScenarioContext Context(params string[] tags) => new(
        new CompiledScenario { FeaturePath = "features/f.feature", FeatureName = "F", Name = "s", Tags = tags, Steps = [], Line = 1 },
        CancellationToken.None);

    [Test]
    public void Names_every_requirement_of_the_scenario_when_an_expectation_fails()
    {
        var context = Context("@req:LC-L07", "@req:LC-L09");

        new LauncherExpectations(context).Expect(false, "ConnectionEnded once", () => "posted twice");

        Assert.That(context.Violations.Select(v => v.Requirement), Is.EqualTo(new[] { "LC-L07", "LC-L09" }));
    }

    [Test]
    public void Still_records_a_failure_in_a_scenario_without_requirement_tags()
    {
        var context = Context("@role:launcher");

        new LauncherExpectations(context).Expect(false, "x", () => "y");

        Assert.That(context.Violations.Single().Requirement, Is.EqualTo("(untagged)"));
    }

    [Test]
    public void Records_nothing_when_the_expectation_holds()
    {
        var context = Context("@req:LC-L07");

        new LauncherExpectations(context).Expect(true, "x", () => throw new InvalidOperationException("not asked for"));

        Assert.That(context.Violations, Is.Empty);
    }
}

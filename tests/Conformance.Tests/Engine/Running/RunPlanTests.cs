using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Tests.Engine.Running;

public class RunPlanTests
{
    private static readonly RequirementCatalog Catalog = new([new Requirement("T-01", RequirementLevel.Must, "server", "m", RequirementOrigin.Source, "test")]);

    private static CompiledScenario Scenario(string name, params string[] tags) =>
        new() { FeaturePath = "features/t/t.feature", FeatureName = "F", Name = name, Tags = ["@req:T-01", .. tags], Steps = [], Line = 1 };

    [Test]
    public void Certifying_a_role_leaves_out_the_scenarios_that_drive_the_reference_in_process()
    {
        var all = new[] { Scenario("over a real pipe", "@role:server"), Scenario("under a manual clock", "@role:server", Tag.InProcess) };

        var certified = RunPlan.Select(all, Catalog, "server", TagExpression.All);
        var everything = RunPlan.Select(all, Catalog, null, TagExpression.All);

        Assert.That(certified.Scenarios.Select(scenario => scenario.Name), Is.EqualTo(new[] { "over a real pipe" }));
        Assert.That(everything.Scenarios, Has.Count.EqualTo(2));
    }
}

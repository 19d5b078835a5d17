using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Tests.Engine.Running;

public class RequirementVerdictsTests
{
    private static readonly Requirement Must = new("T-01", RequirementLevel.Must, "tester", "m", false, "test");
    private static readonly Requirement Should = new("T-02", RequirementLevel.Should, "tester", "s", false, "test");
    private static readonly Requirement Uncovered = new("T-09", RequirementLevel.Must, "tester", "u", false, "test");

    private static ScenarioResult Result(string requirement, ScenarioOutcome outcome, params Violation[] violations) => new()
    {
        Scenario = new CompiledScenario { FeaturePath = "features/t.feature", FeatureName = "F", Name = requirement + outcome, Tags = [$"@req:{requirement}"], Steps = [], Line = 1 },
        Outcome = outcome,
        Violations = violations,
    };

    [Test]
    public void Takes_the_worst_violation_naming_a_requirement_from_any_scenario()
    {
        var verdicts = RequirementVerdicts.Judge([Must, Should], [
            Result("T-02", ScenarioOutcome.NonStrict, new Violation("T-02", "e", "a")),
            Result("T-01", ScenarioOutcome.Passed),
            Result("T-02", ScenarioOutcome.Failed, new Violation("T-01", "e", "a")),
        ]);

        Assert.That(verdicts.Select(v => v.Outcome), Is.EqualTo(new[] { ScenarioOutcome.Failed, ScenarioOutcome.NonStrict }));
    }

    [Test]
    public void Is_skipped_when_all_its_scenarios_were_skipped_and_not_covered_without_scenarios()
    {
        var verdicts = RequirementVerdicts.Judge([Must, Uncovered], [Result("T-01", ScenarioOutcome.Skipped)]);

        Assert.That(verdicts.Select(v => v.Outcome), Is.EqualTo(new[] { ScenarioOutcome.Skipped, ScenarioOutcome.NotCovered }));
    }

    [Test]
    public void Makes_the_run_not_conformant_for_a_failed_requirement_or_an_undefined_scenario_and_under_strict_for_a_non_strict_one()
    {
        var nonStrict = new RequirementResult(Should, ScenarioOutcome.NonStrict, []);
        var failed = new RequirementResult(Must, ScenarioOutcome.Failed, []);
        var undefined = Result("T-01", ScenarioOutcome.Undefined);

        Assert.That(new RunResult([], [nonStrict], false, default, default).Conformant, Is.True);
        Assert.That(new RunResult([], [nonStrict], true, default, default).Conformant, Is.False);
        Assert.That(new RunResult([], [failed], false, default, default).Conformant, Is.False);
        Assert.That(new RunResult([undefined], [], false, default, default).Conformant, Is.False);
    }

    [Test]
    public void Selects_the_requirements_of_the_roles_and_with_a_tag_filter_those_the_scenarios_carry()
    {
        var catalog = new RequirementCatalog([Must, Should, new Requirement("O-01", RequirementLevel.Must, "other", "o", false, "test")]);
        var scenarios = new[] { Result("T-01", ScenarioOutcome.Passed).Scenario };

        Assert.That(RequirementVerdicts.InSelection(catalog, scenarios, ["tester"], tagFiltered: false).Select(r => r.Id), Is.EqualTo(new[] { "T-01", "T-02" }));
        Assert.That(RequirementVerdicts.InSelection(catalog, scenarios, null, tagFiltered: true).Select(r => r.Id), Is.EqualTo(new[] { "T-01" }));
    }
}

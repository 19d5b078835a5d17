using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Tests.Engine.Running;

public class RequirementVerdictsTests
{
    private static readonly Requirement Must = new("T-01", RequirementLevel.Must, "tester", "m", RequirementOrigin.Source, "test");
    private static readonly Requirement Should = new("T-02", RequirementLevel.Should, "tester", "s", RequirementOrigin.Source, "test");
    private static readonly Requirement Uncovered = new("T-09", RequirementLevel.Must, "tester", "u", RequirementOrigin.Source, "test");

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
    public void Makes_the_run_not_conformant_for_a_failed_requirement_or_an_undefined_scenario()
    {
        var nonStrict = new RequirementResult(Should, ScenarioOutcome.NonStrict, []);
        var failed = new RequirementResult(Must, ScenarioOutcome.Failed, []);
        var undefined = Result("T-01", ScenarioOutcome.Undefined);

        Assert.That(new RunResult([], [nonStrict], Judging.Default, default, default).Conformant, Is.True);
        Assert.That(new RunResult([], [failed], Judging.Default, default, default).Conformant, Is.False);
        Assert.That(new RunResult([undefined], [], Judging.Default, default, default).Conformant, Is.False);
    }

    [Test]
    public void Labels_a_missed_SHOULD_failed_under_strict_and_names_it_in_the_verdict_otherwise()
    {
        var scenarios = new[] { Result("T-02", ScenarioOutcome.NonStrict, new Violation("T-02", "e", "a")) };

        var lenient = RequirementVerdicts.Judge([Should], scenarios);
        var strict = RequirementVerdicts.Judge([Should], scenarios, new Judging(Strict: true));

        Assert.That(lenient.Single().Outcome, Is.EqualTo(ScenarioOutcome.NonStrict));
        Assert.That(new RunResult(scenarios, lenient, Judging.Default, default, default).VerdictLine,
            Is.EqualTo("CONFORMANT — 1 SHOULD requirement missed: T-02; --strict would fail"));
        Assert.That(strict.Single().Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(new RunResult(scenarios, strict, new Judging(Strict: true), default, default).VerdictLine, Is.EqualTo("NOT CONFORMANT — failed: T-02"));
    }

    [Test]
    public void Counts_a_missed_policy_requirement_as_information_under_source_only_and_names_it()
    {
        var policy = new Requirement("T-05", RequirementLevel.Must, "tester", "p", RequirementOrigin.Policy, "test", "beyond the source");
        var scenarios = new[] { Result("T-05", ScenarioOutcome.Failed, new Violation("T-05", "e", "a")) };
        var judging = new Judging(SourceOnly: true);

        var verdicts = RequirementVerdicts.Judge([policy], scenarios, judging);
        var run = new RunResult(scenarios, verdicts, judging, default, default);

        Assert.That(verdicts.Single().Outcome, Is.EqualTo(ScenarioOutcome.Informational));
        Assert.That(run.Conformant, Is.True);
        Assert.That(run.VerdictLine, Does.Contain("policy requirement missed, counted as information: T-05"));
        Assert.That(RequirementVerdicts.Judge([policy], scenarios).Single().Outcome, Is.EqualTo(ScenarioOutcome.Failed), "without --source-only a policy MUST fails");
    }

    [Test]
    public void Selects_the_requirements_of_the_roles_and_with_a_tag_filter_those_the_scenarios_carry()
    {
        var catalog = new RequirementCatalog([Must, Should, new Requirement("O-01", RequirementLevel.Must, "other", "o", RequirementOrigin.Source, "test")]);
        var scenarios = new[] { Result("T-01", ScenarioOutcome.Passed).Scenario };

        Assert.That(RequirementVerdicts.InSelection(catalog, scenarios, ["tester"], tagFiltered: false).Select(r => r.Id), Is.EqualTo(new[] { "T-01", "T-02" }));
        Assert.That(RequirementVerdicts.InSelection(catalog, scenarios, null, tagFiltered: true).Select(r => r.Id), Is.EqualTo(new[] { "T-01" }));
    }

    [Test]
    public void Selects_a_requirement_that_binds_several_roles_for_each_of_them()
    {
        var both = new Requirement("B-01", RequirementLevel.Must, "sender", "b", RequirementOrigin.Source, "test") { Roles = ["sender", "receiver"] };
        var catalog = new RequirementCatalog([both, Must]);

        Assert.That(RequirementVerdicts.InSelection(catalog, [], ["receiver"], tagFiltered: false).Select(r => r.Id), Is.EqualTo(new[] { "B-01" }));
        Assert.That(RequirementVerdicts.InSelection(catalog, [], ["sender"], tagFiltered: false).Select(r => r.Id), Is.EqualTo(new[] { "B-01" }));
        Assert.That(RequirementVerdicts.InSelection(catalog, [], ["tester"], tagFiltered: false).Select(r => r.Id), Is.EqualTo(new[] { "T-01" }));
    }

    [Test]
    public void A_MUST_skipped_for_a_missing_prerequisite_goes_unchecked_and_makes_the_run_not_conformant()
    {
        var missing = Result("T-01", ScenarioOutcome.Skipped) with { Reason = "the service answers Error to Conformance.EmitEvent", MissingPrerequisite = true };
        var platform = Result("T-02", ScenarioOutcome.Skipped) with { Reason = "the scenario needs Windows" };

        var verdicts = RequirementVerdicts.Judge([Must, Should], [missing, platform]);
        var run = new RunResult([missing, platform], verdicts, Judging.Default, default, default);

        Assert.That(verdicts.Select(v => v.Outcome), Is.EqualTo(new[] { ScenarioOutcome.Skipped, ScenarioOutcome.Skipped }));
        Assert.That(verdicts.Select(v => v.Unchecked), Is.EqualTo(new[] { true, false }));
        Assert.That(run.Conformant, Is.False);
        Assert.That(run.VerdictLine, Is.EqualTo("NOT CONFORMANT — unchecked MUST: T-01 (the service answers Error to Conformance.EmitEvent)"));
    }

    [Test]
    public void A_MUST_skipped_for_the_platform_leaves_the_run_conformant()
    {
        var platform = Result("T-01", ScenarioOutcome.Skipped) with { Reason = "the scenario needs Windows" };

        var verdicts = RequirementVerdicts.Judge([Must], [platform]);

        Assert.That(new RunResult([platform], verdicts, Judging.Default, default, default).Conformant, Is.True);
        Assert.That(verdicts.Single().Reason, Is.EqualTo("the scenario needs Windows"));
    }
}

using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Tests.Engine.Running;

public class ScenarioRunnerTests
{
    private static readonly RequirementCatalog Catalog = new([
        new Requirement("T-01", RequirementLevel.Must, "tester", "a must", RequirementOrigin.Source, "test"),
        new Requirement("T-02", RequirementLevel.Should, "tester", "a should", RequirementOrigin.Source, "test"),
        new Requirement("T-03", RequirementLevel.May, "tester", "a may", RequirementOrigin.Source, "test"),
    ]);

    private static ScenarioRunner Runner(TimeSpan? timeout = null) =>
        new(new RunContext(Catalog, StepRegistry.FromAssemblies(typeof(ScenarioRunnerTests).Assembly)) { ScenarioTimeout = timeout ?? TimeSpan.FromSeconds(30) });

    private static CompiledScenario Scenario(string tags, params string[] steps) => new()
    {
        FeaturePath = "features/test.feature",
        FeatureName = "Runner",
        Name = string.Join(", ", steps),
        Tags = tags.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Steps = steps.Select((text, index) => new CompiledStep(StepKind.Then, "Then", text, index + 1)).ToList(),
        Line = 1,
    };

    [Test]
    public async Task Passes_when_no_step_finds_a_violation()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-01", "runner: all is well"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Passed));
        Assert.That(result.Steps.Single().Status, Is.EqualTo(StepStatus.Passed));
    }

    [TestCase("T-01", ScenarioOutcome.Failed)]
    [TestCase("T-02", ScenarioOutcome.NonStrict)]
    [TestCase("T-03", ScenarioOutcome.Informational)]
    public async Task Takes_the_outcome_of_a_violation_from_the_requirement_level(string requirement, object outcome)
    {
        var result = await Runner().RunAsync(Scenario($"@req:{requirement}", $"runner: violate {requirement}", "runner: all is well"));

        Assert.That(result.Outcome, Is.EqualTo(outcome));
        Assert.That(result.Steps.Select(step => step.Status), Is.EqualTo(new[] { StepStatus.Failed, StepStatus.Passed }), "a soft violation lets the scenario go on");
    }

    [Test]
    public async Task Takes_the_worst_outcome_among_several_violations()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-02", "runner: violate T-03", "runner: violate T-02"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.NonStrict));
    }

    [Test]
    public async Task Stops_at_a_hard_violation_and_skips_the_remaining_steps()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-01", "runner: stop on T-01", "runner: all is well"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(result.Steps.Select(step => step.Status), Is.EqualTo(new[] { StepStatus.Failed, StepStatus.Skipped }));
    }

    [Test]
    public async Task Is_undefined_with_a_suggested_binding_when_a_step_has_none_and_runs_nothing()
    {
        var scenario = Scenario("@req:T-01", "runner: count a run", "runner: nobody binds this 3 times");

        var result = await Runner().RunAsync(scenario);

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Undefined));
        Assert.That(result.Reason, Does.Contain("has no binding"));
        Assert.That(result.Suggestion, Does.Contain("[Then(@\"runner: nobody binds this (\\d+) times\")]"));
        Assert.That(RunnerBindings.Runs.GetValueOrDefault(scenario.Name), Is.Zero);
    }

    [Test]
    public async Task Is_undefined_when_a_step_matches_two_bindings()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-01", "runner: twice bound"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Undefined));
        Assert.That(result.Reason, Does.Contain("matches 2 bindings"));
    }

    [Test]
    public async Task Is_undefined_when_a_binding_is_pending()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-01", "runner: pending"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Undefined));
    }

    [Test]
    public async Task Fails_naming_every_scenario_requirement_when_a_step_breaks()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-02 @req:T-03", "runner: throw"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Failed), "a broken step fails whatever the level");
        Assert.That(result.Violations.Select(violation => violation.Requirement), Is.EqualTo(new[] { "T-02", "T-03" }));
        Assert.That(result.Violations[0].Actual, Does.Contain("InvalidOperationException: the step broke"));
    }

    [Test]
    public async Task Is_skipped_with_the_reason_a_step_gives()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-01", "runner: skip", "runner: all is well"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Skipped));
        Assert.That(result.Reason, Is.EqualTo("no prerequisite"));
    }

    [Test]
    public async Task Skips_a_scenario_for_another_platform()
    {
        var tag = OperatingSystem.IsWindows() ? "@unix" : "@windows";

        var result = await Runner().RunAsync(Scenario($"{tag} @req:T-01", "runner: all is well"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Skipped));
        Assert.That(result.Reason, Does.StartWith("the scenario needs"));
    }

    [Test]
    public async Task Reports_a_scenario_for_another_platform_undefined_when_a_step_has_no_binding()
    {
        var tag = OperatingSystem.IsWindows() ? "@unix" : "@windows";

        var result = await Runner().RunAsync(Scenario($"{tag} @req:T-01", "runner: all is well", "runner: no such step anywhere"));

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Undefined), "skipping it would hide a step the other platform cannot run");
    }

    [Test]
    public async Task Fails_a_step_still_running_when_the_time_limit_passes_and_cleans_up()
    {
        var scenario = Scenario("@req:T-02", "runner: hang");

        var result = await Runner(TimeSpan.FromMilliseconds(200)).RunAsync(scenario);

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(result.Violations[0].Expected, Is.EqualTo("the scenario finishes within its time limit"));
        Assert.That(RunnerBindings.Disposed[scenario.Name], Is.EqualTo(1), "the binding instance is disposed with the scenario");
    }

    [Test]
    public async Task Cancels_a_step_that_overruns_the_time_limit_and_lets_it_stop_before_cleaning_up()
    {
        var scenario = Scenario("@req:T-01", "runner: wait for cancellation");

        var result = await Runner(TimeSpan.FromMilliseconds(200)).RunAsync(scenario);

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(RunnerBindings.Events[scenario.Name], Is.EqualTo(new[] { "step stopped", "disposed" }), "cancellation reaches the step, and cleanup waits for it to stop");
        Assert.That(result.Notes, Has.None.Contains("did not stop"));
    }

    [Test]
    public async Task Says_so_when_a_step_ignores_cancellation_and_cleans_up_without_it()
    {
        var result = await Runner(TimeSpan.FromMilliseconds(100)).RunAsync(Scenario("@req:T-01", "runner: hang") with { Name = "a step that ignores cancellation" });

        Assert.That(result.Notes, Has.Some.Contains("did not stop within"));
    }

    [TestCase(new string[0], "the scenario has no steps")]
    [TestCase(new[] { "Given", "When" }, "the scenario has no Then step")]
    public async Task Is_undefined_when_it_judges_nothing_and_covers_no_requirement(string[] kinds, string reason)
    {
        var scenario = Scenario("@req:T-01") with
        {
            Steps = kinds.Select((kind, index) => new CompiledStep(Enum.Parse<StepKind>(kind), kind, "runner: count a run", index + 1)).ToList(),
        };

        var result = await Runner().RunAsync(scenario);
        var requirement = RequirementVerdicts.Judge([Catalog.Find("T-01")!], [result]).Single();

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Undefined));
        Assert.That(result.Reason, Does.StartWith(reason));
        Assert.That(RunnerBindings.Runs.ContainsKey(scenario.Name), Is.False, "nothing ran");
        Assert.That(requirement.Outcome, Is.EqualTo(ScenarioOutcome.NotCovered));
    }

    [Test]
    public async Task Masks_registered_secrets_in_violations_notes_and_the_transcript()
    {
        var result = await Runner().RunAsync(Scenario("@req:T-01", "runner: leak the secret"));

        var everything = string.Join("|", result.Violations.Select(v => v.Actual + v.Expected).Concat(result.Notes)) + result.Transcript!.ToJsonString();
        Assert.That(everything, Does.Not.Contain(RunnerBindings.Secret));
        Assert.That(everything, Does.Contain("***"));
    }

    [Test]
    public async Task Hands_a_step_its_data_table_or_doc_string_as_the_last_argument()
    {
        var table = new DataTable([["name", "value"], ["a", "1"], ["b", "2"]]);
        var scenario = Scenario("@req:T-01") with
        {
            Steps =
            [
                new CompiledStep(StepKind.Then, "Then", "runner: the table sums to 3", 1, Table: table),
                new CompiledStep(StepKind.Then, "Then", "runner: the text is", 2, DocString: "hello\nworld"),
            ],
        };

        var result = await Runner().RunAsync(scenario);

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), string.Join("; ", result.Violations.Select(v => v.Actual)));
    }

    [Binding]
    internal sealed class RunnerBindings(ScenarioContext context) : IDisposable
    {
        public const string Secret = "s3cr3t-Value!";

        // Keyed by scenario: the fixture's tests run in parallel.
        public static System.Collections.Concurrent.ConcurrentDictionary<string, int> Runs { get; } = new();

        public static System.Collections.Concurrent.ConcurrentDictionary<string, int> Disposed { get; } = new();

        public static System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> Events { get; } = new();

        [Then("runner: all is well")]
        public void AllIsWell() => context.Note("checked");

        [Then("runner: count a run")]
        public void CountARun() => Runs.AddOrUpdate(context.Scenario.Name, 1, (_, runs) => runs + 1);

        [Then("runner: violate (T-\\d+)")]
        public void Violate(string requirement) => context.Violate(requirement, "something", "something else");

        [Then("runner: stop on (T-\\d+)")]
        public void Stop(string requirement) => throw new RequirementViolationException(requirement, "x", "y");

        [Then("runner: twice bound")]
        public void Once() => CountARun();

        [Then("runner: twice (\\w+)")]
        public void Twice(string word) => context.Note(word);

        [Then("runner: pending")]
        public void Pending() => throw new PendingStepException();

        [Then("runner: throw")]
        public void Throw() => throw new InvalidOperationException("the step broke");

        [Then("runner: skip")]
        public void Skip() => throw new ScenarioSkippedException("no prerequisite");

        [Then("runner: hang")]
        public Task Hang() => Task.Delay(Timeout.Infinite, CancellationToken.None);

        [Then("runner: wait for cancellation")]
        public async Task WaitForCancellation()
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.Cancellation);
            }
            finally
            {
                Record("step stopped");
            }
        }

        [Then("runner: leak the secret")]
        public void Leak()
        {
            context.RegisterSecrets([Secret]);
            context.Note($"saw {Secret}");
            context.Transcript.Add("secret", new System.Text.Json.Nodes.JsonObject { ["value"] = Secret });
            context.Violate("T-01", "no " + Secret, "found " + Secret);
        }

        [Then("runner: the table sums to (\\d+)")]
        public void TableSums(int total, DataTable table)
        {
            if (table.Rows.Sum(row => int.Parse(row["value"], System.Globalization.CultureInfo.InvariantCulture)) != total)
            {
                context.Violate("T-01", $"a sum of {total}", "another sum");
            }
        }

        [Then("runner: the text is")]
        public void TextIs(string text)
        {
            if (text != "hello\nworld")
            {
                context.Violate("T-01", "the doc string", text);
            }
        }

        public void Dispose()
        {
            Disposed.AddOrUpdate(context.Scenario.Name, 1, (_, count) => count + 1);
            Record("disposed");
        }

        private void Record(string what)
        {
            var events = Events.GetOrAdd(context.Scenario.Name, _ => []);
            lock (events)
            {
                events.Add(what);
            }
        }
    }
}

using System.Text;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Running;
using Conformance.Engine.Snapshots;
using Conformance.Tests.Support;

namespace Conformance.Tests.Features;

/// <summary>
/// The self-check: every scenario of every feature, run against the reference implementations, each its own
/// test case with its tags as categories (<c>dotnet test --filter "TestCategory=req:LC-L07"</c>). Each
/// scenario's transcript is compared with its approved snapshot; set CONFORMANCE_ACCEPT=1 to approve.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class FeatureScenarioTests
{
    private static readonly Lazy<IReadOnlyList<CompiledScenario>> Scenarios =
        new(() => FeatureLoader.Load(Project.Layout.Features, Project.Layout.Root));

    private static readonly Lazy<Task<RunContext>> Context = new(() => RunContextFactory.CreateAsync(
        Project.Layout,
        new RunOptions(new SnapshotStore(Path.Combine(Project.Layout.Root, "tests", "Conformance.Tests", "Snapshots"), accept: Environment.GetEnvironmentVariable("CONFORMANCE_ACCEPT") == "1"))));

    public static IEnumerable<TestCaseData> Cases() =>
        Scenarios.Value.Select(scenario =>
        {
            var data = new TestCaseData(scenario.Id).SetName(scenario.DisplayName.Replace('.', '·'));
            foreach (var tag in scenario.Tags)
            {
                data.SetCategory(tag.TrimStart('@'));
            }

            return data;
        });

    [TestCaseSource(nameof(Cases))]
    public async Task Scenario(string id)
    {
        var scenario = Scenarios.Value.Single(candidate => candidate.Id == id);
        if (SlowTests.UnitOnly && !UnderManualClock(scenario))
        {
            SlowTests.SkipWhenUnitOnly();
        }

        var result = await new ScenarioRunner(await Context.Value).RunAsync(scenario);

        // Here the approved transcripts are the reference roles' record: a changed one fails the test, whatever the outcome.
        if (result.Snapshot is { IsRegression: true } snapshot)
        {
            Assert.Fail($"the transcript is {snapshot.StateName} against {snapshot.VerifiedPath}; review {snapshot.ReceivedPath} and approve with CONFORMANCE_ACCEPT=1\n{snapshot.Difference}\n{Describe(result)}");
        }

        switch (result.Outcome)
        {
            case ScenarioOutcome.Passed:
                return;
            case ScenarioOutcome.Skipped:
                Assert.Ignore(result.Reason ?? "skipped");
                return;
            default:
                Assert.Fail(Describe(result));
                return;
        }
    }

    // What its approved transcript says: a scenario under the manual clock runs in process, in milliseconds.
    private static bool UnderManualClock(CompiledScenario scenario)
    {
        var verified = SnapshotStore.VerifiedPath(Path.Combine(Project.Layout.Root, "tests", "Conformance.Tests", "Snapshots"), scenario);
        return File.Exists(verified) && System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(verified))?["clock"]?.GetValue<string>() == "manual";
    }

    private static string Describe(ScenarioResult result)
    {
        var text = new StringBuilder($"{result.Outcome}: {result.Reason}\n");
        foreach (var violation in result.Violations)
        {
            text.AppendLine($"  {violation.Requirement}: expected {violation.Expected}\n    actual {violation.Actual}");
        }

        foreach (var step in result.Steps)
        {
            text.AppendLine($"  [{step.Status}] {step.Keyword} {step.Text}{(step.Message is null ? "" : " — " + step.Message)}");
        }

        if (result.Suggestion is not null)
        {
            text.AppendLine(result.Suggestion);
        }

        return text.ToString();
    }
}

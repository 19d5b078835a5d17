using Conformance.Engine.Bindings;
using Conformance.Engine.DcvVirtualChannels.Certification;
using Conformance.Engine.Running;

namespace Conformance.Engine.DcvVirtualChannels.Steps;

/// <summary>The extension under test, run under the harness as DCV and the remote party, and judged on what it did.</summary>
[Binding]
internal sealed class ExtensionSteps(ExtensionScenario scenario, ScenarioContext context)
{
    [When("the harness, as DCV and the remote party, runs a session with the extension under test")]
    public Task Session() => scenario.RecordAsync();

    [When("the harness answers the extension's first request with a length header whose top bit is set")]
    public Task Malformed() => scenario.RecordMalformedAsync();

    [Then("the extension ended its session by exiting within its exit deadline")]
    public void EndsOnMalformedFrame() => context.Report(ExtensionJudges.EndsOnMalformedFrame(scenario.Malformed));

    [Then("every control frame the extension wrote was one whole ExtensionMessage carrying a request")]
    public void Frames() => context.Report(ExtensionJudges.Frames(scenario.Session));

    [Then("it opened each relay it set up with the token first, and wrote nothing more before the ready event")]
    public void TokenFirst() => context.Report(ExtensionJudges.TokenFirst(scenario.Session));

    [Then("it wrote nothing to standard error")]
    public void Silent() => context.Report(ExtensionJudges.Silent(scenario.Session));

    [Then("after each refused request it went on working, or exited with code 0")]
    public void SurvivesRefusal() => context.Report(ExtensionJudges.SurvivesRefusal(scenario.Session));

    [Then("each relay was opened by the process its setup named")]
    public void NamedProcess() => context.Report(ExtensionJudges.NamedProcess(scenario.Session));

    [Then("it acted on DCV's frames though each came in pieces")]
    public void SplitFrames() => context.Report(ExtensionJudges.SplitFrames(scenario.Session));
}

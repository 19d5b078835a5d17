using Conformance.Engine.Bindings;
using Conformance.Engine.PipeMessaging.Certification.Acts;
using Conformance.Engine.PipeMessaging.Certification.Judges;
using Conformance.Engine.Running;

namespace Conformance.Engine.PipeMessaging.Certification.Steps;

/// <summary>The command-pipe server under test, the harness playing its clients over real pipes in real time.</summary>
[Binding]
internal sealed class CommandServerSteps(LiveScenario scenario, ScenarioContext context)
{
    [When("clients send the server under test requests at once, in XML, and a byte at a time")]
    public Task Exchanges() => scenario.RecordNeedingAsync(CommandServerActs.Exchanges, CommandServerActs.ExchangesAsync);

    [When("three clients come to the server under test at once")]
    public Task Turns() => scenario.RecordNeedingAsync(CommandServerActs.Turns, CommandServerActs.TurnsAsync);

    [When("a client sends the server under test its request well inside the deadline")]
    public Task InsideDeadline() => scenario.RecordNeedingAsync(CommandServerActs.InsideDeadline, CommandServerActs.InsideDeadlineAsync);

    [When("a client connects to the server under test and says nothing")]
    public Task Silent() => scenario.RecordNeedingAsync(CommandServerActs.Silent, CommandServerActs.SilentAsync);

    [When("a client drips its request into the server under test a byte every 100 ms")]
    public Task Drip() => scenario.RecordNeedingAsync(CommandServerActs.Drip, CommandServerActs.DripAsync);

    [When("clients send the server under test hostile lengths, cut-off frames and a flood")]
    public Task ProtocolErrors() => scenario.RecordNeedingAsync(CommandServerActs.ProtocolErrors, CommandServerActs.ProtocolErrorsAsync);

    [When("clients send the server under test payloads that are not requests")]
    public Task NotMessages() => scenario.RecordNeedingAsync(CommandServerActs.NotMessages, CommandServerActs.NotMessagesAsync);

    [Then("each got one Response to its request, and then the server closed the connection")]
    public void OneRequest() => context.Report(CommandServerJudges.OneRequest(scenario.RunOf(CommandServerActs.Exchanges)));

    [Then("the request in XML was answered")]
    public void Xml() => context.Report(CommandServerJudges.Xml(scenario.RunOf(CommandServerActs.Exchanges)));

    [Then("the coalesced and the byte-at-a-time requests were answered")]
    public void Reassembly() => context.Report(CommandServerJudges.Reassembly(scenario.RunOf(CommandServerActs.Exchanges)));

    [Then("each client was served in its turn, none dropped, none while another's exchange was open")]
    public void TurnsJudged() => context.Report(CommandServerJudges.Turns(scenario.RunOf(CommandServerActs.Turns)));

    [Then("the request was answered")]
    public void InsideDeadlineJudged() => context.Report(CommandServerJudges.InsideDeadline(scenario.RunOf(CommandServerActs.InsideDeadline)));

    [Then("the silent client was disconnected when the request deadline was up")]
    public void SilentJudged() => context.Report(CommandServerJudges.CutOffAtDeadline(scenario.RunOf(CommandServerActs.Silent), "a client that says nothing"));

    [Then("the dripping client was disconnected when the request deadline was up")]
    public void DripJudged() => context.Report(CommandServerJudges.CutOffAtDeadline(scenario.RunOf(CommandServerActs.Drip), "a client whose request drips in"));

    [Then("each hostile input judged under (PM-\\w+) cost only its connection, and the next request was answered")]
    public void Hostile(string requirement)
    {
        foreach (var run in scenario.Runs)
        {
            var inputs = run.Recording.Situation.Act switch
            {
                CommandServerActs.ProtocolErrors => CommandServerActs.ProtocolErrorInputs,
                CommandServerActs.NotMessages => CommandServerActs.NotMessageInputs,
                _ => [],
            };
            context.Report(CommandServerJudges.Hostile(run, inputs, requirement));
        }
    }

    [Then("every frame the server sent was well-formed under (PM-\\w+)")]
    public void FramesSent(string requirement) => context.Report(scenario.Runs.SelectMany(run => Verdicts.FramesSent(run.Peers, "server", requirement)));
}

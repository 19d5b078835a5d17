using Conformance.Engine.Bindings;
using Conformance.Engine.PipeMessaging.Certification.Acts;
using Conformance.Engine.PipeMessaging.Certification.Judges;
using Conformance.Engine.Running;

namespace Conformance.Engine.PipeMessaging.Certification.Steps;

/// <summary>The event-pipe and command-pipe clients under test, the harness in the service's or server's place over real pipes.</summary>
[Binding]
internal sealed class ClientSteps(LiveScenario scenario, ScenarioContext context)
{
    [When("the event-pipe client under test meets a service that answers, checks and sends events")]
    public Task Conformant() => scenario.RecordNeedingAsync(EventClientActs.Conformant, EventClientActs.ConformantAsync);

    [When("the event-pipe client under test meets a service that never answers its handshake")]
    public Task Silent() => scenario.RecordNeedingAsync(EventClientActs.Silent, EventClientActs.SilentAsync);

    [When("the event-pipe client under test meets a service that cuts an event off")]
    public Task CutOffEvent() => scenario.RecordNeedingAsync(EventClientActs.CutOff, EventClientActs.CutOffAsync);

    [When("the command-pipe client under test meets a server that answers at once, in pieces")]
    public Task InPieces() => scenario.RecordNeedingAsync(CommandClientActs.InPieces, CommandClientActs.InPiecesAsync);

    [When("the command-pipe client under test meets a server that answers slowly")]
    public Task Slow() => scenario.RecordNeedingAsync(CommandClientActs.Slow, CommandClientActs.SlowAsync);

    [When("the command-pipe client under test meets a server that cuts its answer off")]
    public Task CutOffAnswer() => scenario.RecordNeedingAsync(CommandClientActs.CutOff, CommandClientActs.CutOffAsync);

    [Then("the client sent its Handshake first, right after connecting")]
    public void HandshakesAtOnce() => context.Report(scenario.Runs.SelectMany(EventClientJudges.HandshakesAtOnce));

    [Then("the client answered the service's check in time")]
    public void AnswersChecks() => context.Report(EventClientJudges.AnswersChecks(scenario.RunOf(EventClientActs.Conformant)));

    [Then("the client confirmed each event with its eventId in time")]
    public void Confirms() => context.Report(EventClientJudges.Confirms(scenario.RunOf(EventClientActs.Conformant)));

    [Then("the client rebuilt the events that came in pieces or together, and answered the check among them")]
    public void Reassembles() => context.Report(EventClientJudges.Reassembles(scenario.RunOf(EventClientActs.Conformant)));

    [Then("the client gave up when its handshake time-out was up, and a new instance connected")]
    public void ReplacesItself() => context.Report(EventClientJudges.ReplacesItself(scenario.RunOf(EventClientActs.Silent)));

    [Then("the client never confirmed the cut-off event")]
    public void IgnoresCutOff() => context.Report(EventClientJudges.IgnoresCutOff(scenario.RunOf(EventClientActs.CutOff)));

    [Then("the client took the answer in pieces")]
    public void TakesPieces() => context.Report(CommandClientJudges.TakesPieces(scenario.RunOf(CommandClientActs.InPieces)));

    [Then("the client was still waiting when the slow answer came, and took it")]
    public void WaitsLong() => context.Report(CommandClientJudges.WaitsLong(scenario.RunOf(CommandClientActs.Slow)));

    [Then("the client did not take the cut-off answer")]
    public void RefusesCutOff() => context.Report(CommandClientJudges.RefusesCutOff(scenario.RunOf(CommandClientActs.CutOff)));

    [Then("every frame the client sent was well-formed under (PM-\\w+)")]
    public void FramesSent(string requirement) => context.Report(scenario.Runs.SelectMany(run => Verdicts.FramesSent(run.Peers, "client", requirement)));
}

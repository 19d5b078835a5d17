using Conformance.Engine.Bindings;
using Conformance.Engine.PipeMessaging.Certification.Acts;
using Conformance.Engine.PipeMessaging.Certification.Judges;
using Conformance.Engine.Running;

namespace Conformance.Engine.PipeMessaging.Certification.Steps;

/// <summary>The event-pipe service under test, the harness playing its clients over real pipes in real time.</summary>
[Binding]
internal sealed class EventServiceSteps(LiveScenario scenario, ScenarioContext context)
{
    [When("a client connects to the service under test, handshakes at once and answers its checks")]
    public Task Handshakes() => scenario.RecordNeedingAsync(EventServiceActs.Handshakes, EventServiceActs.HandshakesAsync);

    [When("clients connect to the service under test and handshake late, never, and a byte at a time")]
    public Task HandshakeDeadline() => scenario.RecordNeedingAsync(EventServiceActs.HandshakeDeadline, EventServiceActs.HandshakeDeadlineAsync);

    [When("a client of the service under test leaves its check unanswered")]
    public Task UnansweredCheck() => scenario.RecordNeedingAsync(EventServiceActs.UnansweredCheck, EventServiceActs.UnansweredCheckAsync);

    [When("a second client tries the service under test while a first is connected")]
    public Task SecondClient() => scenario.RecordNeedingAsync(EventServiceActs.SecondClient, EventServiceActs.SecondClientAsync);

    [When("the service under test emits events that its client confirms at once, late and in turn")]
    public Task Events() => scenario.RecordNeedingAsync(EventServiceActs.Events, EventServiceActs.EventsAsync);

    [When("the service under test emits events, where it can, that its client confirms at once, late and in turn")]
    public Task EventsWhereItCan() => scenario.RecordAsync(EventServiceActs.Events, EventServiceActs.EventsAsync);

    [When("the service under test emits an event its client leaves unconfirmed, and more while no client is connected")]
    public Task KeptEvents() => scenario.RecordNeedingAsync(EventServiceActs.KeptEvents, EventServiceActs.KeptEventsAsync);

    [When("the service under test emits TrafficChanged events left unconfirmed or with no client")]
    public Task Traffic() => scenario.RecordNeedingAsync(EventServiceActs.Traffic, EventServiceActs.TrafficAsync);

    [When("clients send the service under test hostile lengths, cut-off frames and a flood")]
    public Task ProtocolErrors() => scenario.RecordNeedingAsync(EventServiceActs.ProtocolErrors, EventServiceActs.ProtocolErrorsAsync);

    [When("clients send the service under test payloads that are not messages, and a slow drip")]
    public Task NotMessages() => scenario.RecordNeedingAsync(EventServiceActs.NotMessages, EventServiceActs.NotMessagesAsync);

    [Then("the service answered the client's Handshake with its own, promptly")]
    public void Answers() => context.Report(EventServiceJudges.Answers(scenario.RunOf(EventServiceActs.Handshakes)));

    [Then("the service checked the idle client after each idle interval and kept it while it answered in time")]
    public void Checks() => context.Report(EventServiceJudges.Checks(scenario.RunOf(EventServiceActs.Handshakes)));

    [Then("the service disconnected the client when its answer deadline was up")]
    public void UnansweredCheckJudged() => context.Report(EventServiceJudges.UnansweredCheck(scenario.RunOf(EventServiceActs.UnansweredCheck)));

    [Then("the late Handshake was answered and the silent client cut off when its deadline was up")]
    public void HandshakeDeadlineJudged() => context.Report(EventServiceJudges.HandshakeDeadline(scenario.RunOf(EventServiceActs.HandshakeDeadline)));

    [Then("the Handshake written a byte at a time was answered")]
    public void ByteAtATime() => context.Report(EventServiceJudges.ByteAtATime(scenario.RunOf(EventServiceActs.HandshakeDeadline)));

    [Then("the second client got nothing while the first was served on")]
    public void OneClient() => context.Report(EventServiceJudges.OneClient(scenario.RunOf(EventServiceActs.SecondClient)));

    [Then("each event came as asked and waited for its Confirmation")]
    public void EventsJudged() => context.Report(EventServiceJudges.Events(scenario.RunOf(EventServiceActs.Events)));

    [Then("no confirmed event came again")]
    public void NeverAgain()
    {
        context.Report(EventServiceJudges.NeverAgain(scenario.RunOf(EventServiceActs.Events)));
        context.Report(EventServiceJudges.KeptInOrder(scenario.RunOf(EventServiceActs.KeptEvents)).Where(violation => violation.Expected.StartsWith("a confirmed", StringComparison.Ordinal)));
    }

    [Then("the unconfirmed event cost the connection when its deadline was up and went to the next client right after its handshake")]
    public void Kept() => context.Report(EventServiceJudges.Kept(scenario.RunOf(EventServiceActs.KeptEvents)));

    [Then("the kept events came oldest first, and never again once confirmed")]
    public void KeptInOrder() => context.Report(EventServiceJudges.KeptInOrder(scenario.RunOf(EventServiceActs.KeptEvents)));

    [Then("the events that found no client were kept for the next")]
    public void KeptWithoutClient() => context.Report(EventServiceJudges.KeptWithoutClient(scenario.RunOf(EventServiceActs.KeptEvents)));

    [Then("the unconfirmed TrafficChanged kept the connection and reached no other client")]
    public void TrafficDropped() => context.Report(EventServiceJudges.TrafficDropped(scenario.RunOf(EventServiceActs.Traffic)));

    [Then("the TrafficChanged that found no client was not kept")]
    public void TrafficNotKept() => context.Report(EventServiceJudges.TrafficNotKept(scenario.RunOf(EventServiceActs.Traffic)));

    [Then("each hostile input judged under (PM-\\w+) cost only its connection, and the next client was served")]
    public void Hostile(string requirement)
    {
        var deadline = scenario.Target.Timeout(TimeoutNames.Handshake);
        foreach (var run in scenario.Runs)
        {
            var inputs = run.Recording.Situation.Act switch
            {
                EventServiceActs.ProtocolErrors => EventServiceActs.ProtocolErrorInputs,
                EventServiceActs.NotMessages => EventServiceActs.NotMessageInputs,
                _ => [],
            };
            context.Report(EventServiceJudges.Hostile(run, inputs, requirement, Acts.Script.IsServiceHandshake, deadline));
        }
    }

    [Then("every frame the service sent was well-formed under (PM-\\w+)")]
    public void FramesSent(string requirement) =>
        context.Report(scenario.Runs.SelectMany(run => Verdicts.FramesSent(run.Peers, "service", requirement)));
}

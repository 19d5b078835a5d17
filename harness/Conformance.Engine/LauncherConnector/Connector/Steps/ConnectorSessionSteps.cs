using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector.Connector.Judges;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>Judges the course of a session (LC-C01, LC-C05 to LC-C08, LC-C10).</summary>
[Binding]
internal sealed class ConnectorSessionSteps(ConnectorScenario scenario, ScenarioContext context)
{
    [Then("it connects to that pipe within the connect deadline")]
    public void ThenItConnects()
    {
        var session = scenario.Session;
        if (session.ConnectFailure is { } failure)
        {
            context.Violate("LC-C01", $"a connection to the pipe named in VSI_IPC_PIPE_NAME within {session.Target.Timeouts.Connect.TotalSeconds:0.###} s", failure);
        }
    }

    [Then("only RemoteConnectionWindowCreated events carry a processId")]
    public void ThenOnlyWindowCreatedCarriesAProcessId() => context.Report(EventJudge.ProcessIdOnlyOnWindowCreated(scenario.Session.Lines));

    [Then("every processId it reported named a running process when the event arrived")]
    public void ThenProcessIdsAreAlive() => context.Report(EventJudge.ProcessIdAlive(scenario.Session.Lines));

    [Then("it sent no RemoteConnectionWindowCreated after RemoteConnectionWindowClosed or RemoteConnectionFailure, and no RemoteConnectionFailure after RemoteConnectionWindowCreated")]
    public void ThenTheOrderIsLawful() => context.Report(EventJudge.Order(scenario.Session.Lines));

    [Then("it reported RemoteConnectionWindowCreated within the window deadline")]
    public void ThenTheWindowWasCreated() => context.Report(EventJudge.WindowCreated(scenario.Session));

    [Then("after the remote client ended, it reported RemoteConnectionWindowClosed within the window-closed deadline")]
    public void ThenTheWindowWasClosed() => context.Report(EventJudge.WindowClosedAfterRemoteEnd(scenario.Session, context.Note));

    [Then("it reported RemoteConnectionFailure with a non-empty message before it exited")]
    public void ThenTheFailureWasReported() => context.Report(EventJudge.FailureReported(scenario.Session));

    [Then("after its final event it sent nothing but Custom events")]
    public void ThenQuietAfterTheFinalEvent() => context.Report(EventJudge.QuietAfterFinal(scenario.Session.Lines));

    [Then("it closed the pipe and exited within the exit deadline of its final event")]
    public void ThenItExitedAfterTheFinalEvent() => context.Report(EventJudge.ExitAfterFinal(scenario.Session, context.Note));
}

using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector.Connector.Judges;
using Conformance.Engine.Running;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>How the connector ends, or keeps going (LC-C11, LC-C12, LC-C13).</summary>
[Binding]
internal sealed class ConnectorExitSteps(ConnectorScenario scenario, ScenarioContext context)
{
    [When("the Launcher closes the pipe after the connector reported its window")]
    public async Task WhenTheLauncherHangsUpAfterTheWindow()
    {
        var session = await scenario.RecordAsync(ConnectorActs.HangUp, scenario.RequireConfiguration(), session => SessionScript.HangUpAfterWindowAsync(session, scenario.Gate));
        ConnectorScenario.RequireConnection(session);
    }

    [Then("the connector exits within the exit deadline")]
    public void ThenItExits() => context.Report(ExitJudge.ExitedAfterHangUp(scenario.Session));

    [Then("while it was exiting it used at most 10 % of one core")]
    public void ThenItDidNotSpin()
    {
        var session = scenario.Session;
        var cpu = session.CpuAtEnd!.Value - session.CpuAtHangUp!.Value;
        var end = Deadline.ExitOf(session) ?? session.EndedAt!.Value;
        context.Report(ExitJudge.Quiet(cpu, end - session.ClosedByLauncherAt!.Value));
    }

    [Given("the connector reports RemoteConnectionWindowCreated for the plain launchable configuration")]
    public async Task GivenItWorksWithThePlainConfiguration()
    {
        // The same run as LC-C01's: recorded once, compared with by every variant.
        var session = await scenario.RecordAsync(ConnectorActs.UntilWindow, ConfigurationChoice.Launchable, session => SessionScript.UntilWindowAsync(session, scenario.Gate));
        ConnectorScenario.RequireConnection(session);
        if (!session.Events.Any(e => e.EventType == CustomConnectorEventType.RemoteConnectionWindowCreated))
        {
            throw new ScenarioSkippedException("the connector reports no window even for the plain configuration (LC-C07 judges that), so there is nothing to compare with");
        }
    }

    [Then("it reported RemoteConnectionWindowCreated as it does for the plain configuration, and neither crashed nor reported RemoteConnectionFailure")]
    public void ThenTheUnusualConfigurationChangedNothing()
    {
        var session = scenario.Session;
        var events = session.Events;
        if (events.Any(e => e.EventType == CustomConnectorEventType.RemoteConnectionFailure))
        {
            context.Violate("LC-C12", "no RemoteConnectionFailure for an otherwise launchable configuration", "the connector reported RemoteConnectionFailure");
        }

        if (!events.Any(e => e.EventType == CustomConnectorEventType.RemoteConnectionWindowCreated))
        {
            var exit = session.Exited ? $"it exited with code {session.Process!.Exited.Result}" : "it reported no window within the window deadline";
            context.Violate("LC-C12", "RemoteConnectionWindowCreated, as for the plain configuration", exit);
        }
    }

    [Then("it runs without crashing for the exit deadline, or exits cleanly within it")]
    public void ThenItRunsWithoutThePipe() => context.Report(ExitJudge.RanWithoutPipe(scenario.Session));
}

using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector.Connector.Judges;
using Conformance.Engine.Running;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>How the connector ends, or keeps going (LC-C11, LC-C12, LC-C13).</summary>
[Binding]
public sealed class ConnectorExitSteps(ConnectorScenario scenario, ScenarioContext context)
{
    private TimeSpan _cpuAtHangUp;

    [When("the Launcher closes the pipe after the connector reported its window")]
    public async Task WhenTheLauncherHangsUpAfterTheWindow()
    {
        var session = scenario.NewSession();
        await SessionScript.StartAndConnectAsync(scenario, session, judgesConnection: false, context.Cancellation);
        if (!await SessionScript.AwaitWindowOrFailureAsync(session))
        {
            context.Note("no window or failure came within the window deadline; the Launcher closed the pipe anyway");
        }

        _cpuAtHangUp = session.Process!.CpuTime();
        await session.CloseFromLauncherAsync();
        await session.WaitUntilAsync(s => s.Exited, scenario.Target.Timeouts.Exit);
    }

    [Then("the connector exits within the exit deadline")]
    public void ThenItExits() => context.Report(ExitJudge.ExitedAfterHangUp(scenario.Session));

    [Then("while it was exiting it used at most 10 % of one core")]
    public void ThenItDidNotSpin()
    {
        var session = scenario.Session;
        var cpu = session.Process!.CpuTime() - _cpuAtHangUp;
        var end = Deadline.ExitOf(session) ?? session.Elapsed;
        context.Report(ExitJudge.Quiet(cpu, end - session.ClosedByLauncherAt!.Value));
    }

    [Given("the connector reports RemoteConnectionWindowCreated for the plain launchable configuration")]
    public async Task GivenItWorksWithThePlainConfiguration()
    {
        scenario.Configuration = ConfigurationFactory.Launchable(scenario.Target, Guid.NewGuid());
        var session = scenario.NewSession();
        await SessionScript.StartAndConnectAsync(scenario, session, judgesConnection: false, context.Cancellation);
        await SessionScript.AwaitWindowOrFailureAsync(session);
        if (!session.Events.Any(e => e.EventType == CustomConnectorEventType.RemoteConnectionWindowCreated))
        {
            throw new ScenarioSkippedException("the connector reports no window even for the plain configuration (LC-C07 judges that), so there is nothing to compare with");
        }

        await session.DisposeAsync();
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

using Conformance.Engine.Bindings;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>Runs the connector under test through the parts of a session a scenario needs.</summary>
[Binding]
public sealed class ConnectorRunSteps(ConnectorScenario scenario, ScenarioContext context)
{
    [When("the connector under test is started with the session's pipe in VSI_IPC_PIPE_NAME")]
    public async Task WhenStartedWithThePipe()
    {
        var session = scenario.NewSession();
        if (await SessionScript.StartAndConnectAsync(scenario, session, judgesConnection: true, context.Cancellation))
        {
            // Not judged here; waiting for the connector to settle keeps the transcript the same from run to run.
            await SessionScript.AwaitWindowOrFailureAsync(session);
        }
    }

    [When("the connector under test is started without VSI_IPC_PIPE_NAME")]
    public async Task WhenStartedWithoutThePipe()
    {
        var session = scenario.NewSession();
        session.Start(scenario.RequireConfiguration(), withPipe: false);
        await session.WaitUntilAsync(s => s.Exited, scenario.Target.Timeouts.Exit);
    }

    [When("the connector under test runs a whole session")]
    public async Task WhenItRunsAWholeSession()
    {
        var session = scenario.NewSession();
        await SessionScript.StartAndConnectAsync(scenario, session, judgesConnection: false, context.Cancellation);
        await SessionScript.RunWholeSessionAsync(session);
    }

    [When("the connector under test runs until it reports its window")]
    public async Task WhenItRunsUntilItsWindow()
    {
        var session = scenario.NewSession();
        await SessionScript.StartAndConnectAsync(scenario, session, judgesConnection: false, context.Cancellation);
        await SessionScript.AwaitWindowOrFailureAsync(session);
    }

    [When("the Launcher closes the pipe")]
    public Task WhenTheLauncherClosesThePipe() => scenario.Session.CloseFromLauncherAsync();
}

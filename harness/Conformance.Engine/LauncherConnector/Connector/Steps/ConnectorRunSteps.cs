using Conformance.Engine.Bindings;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>Sets up the runs of the connector under test a scenario judges; each is recorded once per situation.</summary>
[Binding]
internal sealed class ConnectorRunSteps(ConnectorScenario scenario)
{
    [When("the connector under test is started with the session's pipe in VSI_IPC_PIPE_NAME")]
    public Task WhenStartedWithThePipe() =>
        // Not judged here; running until the window keeps the transcript the same from run to run, and is the same run LC-C12 compares with.
        scenario.RecordAsync(ConnectorActs.UntilWindow, scenario.RequireConfiguration(), session => SessionScript.UntilWindowAsync(session, scenario.Gate));

    [When("the connector under test is started without VSI_IPC_PIPE_NAME")]
    public Task WhenStartedWithoutThePipe() =>
        scenario.RecordAsync(ConnectorActs.WithoutPipe, scenario.RequireConfiguration(), SessionScript.WithoutPipeAsync);

    [When("the connector under test runs a whole session")]
    public async Task WhenItRunsAWholeSession()
    {
        var session = await scenario.RecordAsync(ConnectorActs.WholeSession, scenario.RequireConfiguration(), session => SessionScript.WholeSessionAsync(session, scenario.Gate));
        ConnectorScenario.RequireConnection(session);
    }

    [When("the connector under test runs until it reports its window")]
    public async Task WhenItRunsUntilItsWindow()
    {
        var session = await scenario.RecordAsync(ConnectorActs.UntilWindow, scenario.RequireConfiguration(), session => SessionScript.UntilWindowAsync(session, scenario.Gate));
        ConnectorScenario.RequireConnection(session);
    }
}

using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector.Connector.Judges;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>Looks for the secrets where they must never be (LC-C09).</summary>
[Binding]
internal sealed class ConnectorSecretSteps(ConnectorScenario scenario, ScenarioContext context)
{
    [Then("neither secret appears in any command line of its process tree")]
    public void ThenNotOnACommandLine() => context.Report(SecretJudge.CommandLines(scenario.Session));

    [Then("neither secret appears in its standard output or standard error")]
    public void ThenNotInOutput() => context.Report(SecretJudge.Output(scenario.Session));

    [Then("neither secret appears in any event it sent")]
    public void ThenNotInAnEvent() => context.Report(SecretJudge.Events(scenario.Session));
}

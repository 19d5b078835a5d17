using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector.Connector.Judges;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>Judges the form of what the connector wrote (LC-C02, LC-C03, LC-C04, LC-C14).</summary>
[Binding]
internal sealed class ConnectorLineSteps(ConnectorScenario scenario, ScenarioContext context)
{
    private const long BytesPerMiB = 1024 * 1024;

    [Then("every line it wrote is valid UTF-8, ended by LF and at most (\\d+) MiB long")]
    public void ThenEveryLineIsFramed(int mebibytes) => context.Report(LineJudge.Framing(scenario.Session.Lines, mebibytes * BytesPerMiB));

    [Then("every line it wrote is one JSON object")]
    public void ThenEveryLineIsOneObject() => context.Report(LineJudge.OneJsonObject(scenario.Session.Lines));

    [Then("its first line does not start with a byte-order mark")]
    public void ThenNoByteOrderMark() => context.Report(LineJudge.NoByteOrderMark(scenario.Session.Lines));

    [Then("no line it wrote ends with CR before LF")]
    public void ThenNoCarriageReturn() => context.Report(LineJudge.NoCarriageReturn(scenario.Session.Lines));

    [Then("every message it wrote satisfies the CustomConnectorEvent schema")]
    public void ThenEveryMessageSatisfiesTheSchema() => context.Report(LineJudge.Schema(scenario.Session.Lines));

    [Then("every Custom and RemoteConnectionFailure message it wrote has between 1 and (\\d+) characters")]
    public void ThenMessagesAreBounded(int maxCharacters) => context.Report(LineJudge.MessageLength(scenario.Session.Lines, maxCharacters));

    [Then("it wrote at least one line")]
    public void ThenItWroteALine()
    {
        if (scenario.Session.Lines.Count == 0)
        {
            throw new ScenarioSkippedException("the connector wrote no line, so there is nothing to judge here (LC-C07 and LC-C08 judge its silence)");
        }
    }
}

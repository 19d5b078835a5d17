using System.Globalization;
using Conformance.Engine.Bindings;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Launcher.Steps;

/// <summary>The scripted connector: it sends exactly what the steps say, well-formed or not.</summary>
[Binding]
internal sealed class ScriptedConnectorSteps(ScriptedLauncherSession launcher)
{
    private const string DefaultMessage = "reported by the scripted connector";

    [Given("the connector reported RemoteConnectionWindowCreated for process (\\d+)")]
    [When("the connector reports RemoteConnectionWindowCreated for process (\\d+)")]
    public Task WindowCreatedFor(int processId) =>
        launcher.SendEventAsync(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowCreated, DefaultMessage, processId));

    [Given("the connector reported RemoteConnectionWindowCreated without a processId")]
    [When("the connector reports RemoteConnectionWindowCreated without a processId")]
    public Task WindowCreatedWithoutProcess() =>
        launcher.SendEventAsync(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowCreated, DefaultMessage));

    [When("the connector reports RemoteConnectionWindowClosed")]
    public Task WindowClosed() =>
        launcher.SendEventAsync(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowClosed, DefaultMessage));

    [When("the connector reports (Custom|RemoteConnectionFailure) with message \"(.*)\"")]
    public Task EventWithMessage(CustomConnectorEventType type, string message) =>
        launcher.SendEventAsync(new CustomConnectorEvent(type, message));

    [When("the connector sends the line (.+)")]
    public Task SendsTheLine(string line) => launcher.SendLineAsync(line);

    [When("the connector sends the bytes ([0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2})*)")]
    public Task SendsTheBytes(string hex)
    {
        var bytes = hex.Split(' ').Select(pair => byte.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        return launcher.SendAsync(bytes, bytes.Count(value => value == (byte)'\n'));
    }

    [When("the connector sends a line of (\\d+) MiB")]
    public Task SendsAHugeLine(int mebibytes)
    {
        var bytes = new byte[(mebibytes * 1024 * 1024) + 1];
        Array.Fill(bytes, (byte)'x');
        bytes[0] = (byte)'{';
        bytes[^1] = (byte)'\n';
        return launcher.SendAsync(bytes, 1);
    }

    [When("the connector sends a malformed line holding the password")]
    public Task SendsTheSecretInABadLine() =>
        launcher.SendLineAsync($"{{\"eventType\":\"Custom\",\"message\":\"logging in with {launcher.Configuration.Password}\"");

    [When("the connector closes the pipe")]
    public Task ClosesThePipe() => launcher.CloseConnectorEndAsync();
}

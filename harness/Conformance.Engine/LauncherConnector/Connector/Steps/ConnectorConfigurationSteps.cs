using Conformance.Engine.Bindings;

namespace Conformance.Engine.LauncherConnector.Connector.Steps;

/// <summary>Chooses the configuration the connector under test receives.</summary>
[Binding]
internal sealed class ConnectorConfigurationSteps(ConnectorScenario scenario)
{
    [Given("a (launchable|failing) configuration(?: with a password and a secure field)?")]
    public void GivenAConfiguration(string kind) =>
        scenario.Configuration = kind == "launchable" ? ConfigurationChoice.Launchable : ConfigurationChoice.Failing;

    [Given("a launchable configuration with (unknown extra members|non-ASCII text|empty dictionaries)")]
    public void GivenAnUnusualConfiguration(UnusualConfiguration variant) =>
        scenario.Configuration = ConfigurationChoice.With(variant);
}

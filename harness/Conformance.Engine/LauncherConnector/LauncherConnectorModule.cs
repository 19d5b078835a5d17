using Conformance.Engine.Bindings;
using Conformance.Engine.Documentation.Diagrams;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.Modules;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector;

/// <summary>
/// The Login Enterprise Launcher ↔ custom connector protocol: one pipe per session, a configuration line
/// from the Launcher, event lines from the connector. The Launcher's rules are checked on the reference
/// Launcher; the connector's on the reference connector, or on any connector through <c>certify connector</c>.
/// </summary>
internal sealed class LauncherConnectorModule : IProtocolModule
{
    /// <inheritdoc />
    public string Protocol => "launcher-connector";

    /// <inheritdoc />
    public StepRegistry Steps { get; } = StepRegistry.FromNamespace(typeof(LauncherConnectorModule).Assembly, typeof(LauncherConnectorModule).Namespace!);

    /// <inheritdoc />
    public IReadOnlyList<CertifiableRole> Roles { get; } = [new ConnectorRole()];

    /// <inheritdoc />
    public TranscriptParties Parties => LauncherConnectorParties.Table;

    /// <inheritdoc />
    public void ConfigureReference(RunContext run) => new ConnectorCertification(ConnectorCertification.ReferenceConnector()).Configure(run);
}

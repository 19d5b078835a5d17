using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.Requirements;
using Conformance.Engine.Snapshots;
using Conformance.Engine.Validation;

namespace Conformance.Engine.Running;

/// <summary>Builds the run context every caller shares: the catalog, the schemas, the bindings and the targets.</summary>
public static class RunContextFactory
{
    /// <summary>
    /// A context for running the features in <paramref name="layout"/>: against the reference implementations
    /// unless <paramref name="connector"/> names an external connector.
    /// </summary>
    public static async Task<RunContext> CreateAsync(ProjectLayout layout, SnapshotStore? snapshots = null, ConnectorTarget? connector = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var catalog = RequirementCatalog.Load(layout.Features);
        var schemas = await SchemaSet.LoadAsync(layout.Schemas).ConfigureAwait(false);
        return new RunContext(catalog, StepRegistry.Default) { Snapshots = snapshots }
            .With(schemas)
            .With(connector ?? ReferenceConnector())
            .With(new ConnectivityGate());
    }

    /// <summary>The reference connector, as the self-check certifies it.</summary>
    public static ConnectorTarget ReferenceConnector() => new()
    {
        Command = ReferenceConnectorCommand.Connector(),
        WorkingDirectory = AppContext.BaseDirectory,
        IsReference = true,
    };
}

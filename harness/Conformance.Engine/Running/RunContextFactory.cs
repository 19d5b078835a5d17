using Conformance.Engine.Bindings;
using Conformance.Engine.LauncherConnector;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.Requirements;
using Conformance.Engine.Situations;
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
    public static async Task<RunContext> CreateAsync(ProjectLayout layout, SnapshotStore? snapshots = null, ConnectorTarget? connector = null, bool isolated = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var catalog = RequirementCatalog.Load(layout.Features);
        var schemas = await SchemaSet.LoadAsync(layout.Schemas).ConfigureAwait(false);
        connector ??= ReferenceConnector();
        var scenarioTimeout = ScenarioTimeout(connector.Timeouts);
        return new RunContext(catalog, StepRegistry.Default) { Snapshots = snapshots, ScenarioTimeout = scenarioTimeout }
            .With(new SituationStore(isolated, scenarioTimeout))
            .With(schemas)
            .With(connector)
            .With(new ConnectivityGate());
    }

    /// <summary>
    /// The most a scenario may take: every deadline of a whole session (the plain and the unusual session of
    /// LC-C12 run one after the other), with room for starting processes, and never less than three minutes.
    /// </summary>
    public static TimeSpan ScenarioTimeout(ConnectorTimeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        var session = timeouts.Connect + timeouts.WindowCreated + timeouts.WindowLifetime + timeouts.WindowClosed + timeouts.Exit;
        var needed = (2 * session) + TimeSpan.FromSeconds(30);
        return needed > TimeSpan.FromMinutes(3) ? needed : TimeSpan.FromMinutes(3);
    }

    /// <summary>The reference connector, as the self-check certifies it.</summary>
    public static ConnectorTarget ReferenceConnector() => new()
    {
        Command = ReferenceConnectorCommand.Connector(),
        WorkingDirectory = AppContext.BaseDirectory,
    };
}

using Conformance.Engine.Modules;
using Conformance.Engine.Requirements;
using Conformance.Engine.Situations;
using Conformance.Engine.Snapshots;
using Conformance.Engine.Validation;

namespace Conformance.Engine.Running;

/// <summary>How a run is made, beside what it runs against.</summary>
/// <param name="Snapshots">Where approved transcripts live; null to skip the comparison.</param>
/// <param name="Isolated">True for a fresh run of the executable under test per scenario, instead of one per situation.</param>
/// <param name="Judging">How violations weigh (--strict, --source-only); the default verdict when null.</param>
/// <param name="Schemas">The schemas when the caller has loaded them already (certify reads a manifest with them); loaded here when null.</param>
internal sealed record RunOptions(SnapshotStore? Snapshots = null, bool Isolated = false, Judging? Judging = null, SchemaSet? Schemas = null);

/// <summary>Builds the run context every caller shares: the catalog, the schemas, each protocol's bindings and services.</summary>
internal static class RunContextFactory
{
    /// <summary>
    /// A context for running the features in <paramref name="layout"/>: against the reference implementations of
    /// every protocol in <paramref name="modules"/> (all registered ones by default), unless <paramref name="target"/>
    /// names an external executable to certify.
    /// </summary>
    public static async Task<RunContext> CreateAsync(
        ProjectLayout layout, RunOptions? options = null, CertificationTarget? target = null, IReadOnlyList<IProtocolModule>? modules = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new RunOptions();
        modules ??= ProtocolModules.All;
        var catalog = RequirementCatalog.Load(layout.Features);
        var schemas = options.Schemas ?? await SchemaSet.LoadAsync(layout.Schemas).ConfigureAwait(false);
        var run = new RunContext(catalog, modules) { Snapshots = options.Snapshots, Judging = options.Judging ?? Judging.Default }.With(schemas);
        if (target is null)
        {
            foreach (var module in modules)
            {
                module.ConfigureReference(run);
            }
        }
        else
        {
            target.Configure(run);
        }

        // Registered last: an act may take as long as the scenario time the protocols asked for.
        return run.With(new SituationStore(options.Isolated, run.ScenarioTimeout));
    }
}

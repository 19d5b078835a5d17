using Conformance.Engine.Bindings;
using Conformance.Engine.Requirements;
using Conformance.Engine.Situations;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Running;

/// <summary>What every scenario of a run shares: bindings, the catalog, snapshot store, and run-wide services.</summary>
public sealed class RunContext
{
    private readonly Dictionary<Type, object> _services = [];

    /// <summary>Creates a run context over <paramref name="catalog"/> and <paramref name="steps"/>.</summary>
    public RunContext(RequirementCatalog catalog, StepRegistry steps)
    {
        Catalog = catalog;
        Steps = steps;
        With(new SituationStore());
    }

    /// <summary>The requirements catalog.</summary>
    public RequirementCatalog Catalog { get; }

    /// <summary>The step bindings.</summary>
    public StepRegistry Steps { get; }

    /// <summary>Where approved transcripts live; null to skip snapshot comparison.</summary>
    public SnapshotStore? Snapshots { get; init; }

    /// <summary>The run's shared recordings: one run of the executable under test per situation (or per scenario, isolated).</summary>
    public SituationStore Situations => Service<SituationStore>();

    /// <summary>The most one scenario may take, whatever its steps wait for.</summary>
    public TimeSpan ScenarioTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Run-wide services that scenario classes may ask for in their constructors.</summary>
    public IReadOnlyDictionary<Type, object> Services => _services;

    /// <summary>The run-wide service of type <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">None was registered.</exception>
    public T Service<T>() =>
        _services.TryGetValue(typeof(T), out var service) ? (T)service : throw new KeyNotFoundException($"No run-wide {typeof(T).Name} is registered.");

    /// <summary>Makes <paramref name="service"/> available to every scenario as <typeparamref name="T"/>.</summary>
    public RunContext With<T>(T service)
        where T : notnull
    {
        _services[typeof(T)] = service;
        return this;
    }
}

using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Modules;
using Conformance.Engine.Requirements;
using Conformance.Engine.Situations;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Running;

/// <summary>What every scenario of a run shares: the bindings of each protocol, the catalog, snapshot store, and run-wide services.</summary>
internal sealed class RunContext
{
    private readonly Dictionary<Type, object> _services = [];
    private readonly Func<CompiledScenario, StepRegistry> _steps;

    /// <summary>Creates a run context over <paramref name="catalog"/> whose scenarios all bind to <paramref name="steps"/>.</summary>
    public RunContext(RequirementCatalog catalog, StepRegistry steps)
        : this(catalog, _ => steps)
    {
    }

    /// <summary>Creates a run context over <paramref name="catalog"/> whose scenarios bind to their own protocol's module.</summary>
    public RunContext(RequirementCatalog catalog, IReadOnlyList<IProtocolModule> modules)
        : this(catalog, BindingsByProtocol(modules))
    {
    }

    private RunContext(RequirementCatalog catalog, Func<CompiledScenario, StepRegistry> steps)
    {
        Catalog = catalog;
        _steps = steps;
        With(new SituationStore());
    }

    /// <summary>The requirements catalog.</summary>
    public RequirementCatalog Catalog { get; }

    /// <summary>The step bindings <paramref name="scenario"/> is matched against: its protocol's.</summary>
    public StepRegistry StepsFor(CompiledScenario scenario) => _steps(scenario);

    /// <summary>How violations weigh: --strict, --source-only.</summary>
    public Judging Judging { get; init; } = Judging.Default;

    /// <summary>Where approved transcripts live; null to skip snapshot comparison.</summary>
    public SnapshotStore? Snapshots { get; init; }

    /// <summary>The run's shared recordings: one run of the executable under test per situation (or per scenario, isolated).</summary>
    public SituationStore Situations => Service<SituationStore>();

    /// <summary>The most one scenario may take, whatever its steps wait for.</summary>
    public TimeSpan ScenarioTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Run-wide services that scenario classes may ask for in their constructors.</summary>
    public IReadOnlyDictionary<Type, object> Services => _services;

    /// <summary>Gives every scenario at least <paramref name="needed"/>, for a protocol whose deadlines add up to more.</summary>
    public void AllowScenarioTime(TimeSpan needed)
    {
        if (needed > ScenarioTimeout)
        {
            ScenarioTimeout = needed;
        }
    }

    /// <summary>The run-wide service of type <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">None was registered.</exception>
    public T Service<T>() =>
        _services.TryGetValue(typeof(T), out var service) ? (T)service : throw new KeyNotFoundException($"No run-wide {typeof(T).Name} is registered.");

    /// <summary>True when a run-wide <typeparamref name="T"/> is registered.</summary>
    public bool Has<T>() => _services.ContainsKey(typeof(T));

    /// <summary>Makes <paramref name="service"/> available to every scenario as <typeparamref name="T"/>.</summary>
    public RunContext With<T>(T service)
        where T : notnull
    {
        _services[typeof(T)] = service;
        return this;
    }

    private static Func<CompiledScenario, StepRegistry> BindingsByProtocol(IReadOnlyList<IProtocolModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var byProtocol = modules.ToDictionary(module => module.Protocol, module => module.Steps, StringComparer.Ordinal);
        return scenario => byProtocol.GetValueOrDefault(scenario.Protocol) ?? StepRegistry.Empty;
    }
}

using Conformance.Engine.Documentation.Diagrams;
using Conformance.Engine.Documentation.Sources;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;

namespace Conformance.Engine.Documentation.Site;

/// <summary>The sources, indexed the ways the pages look them up: by protocol, by requirement, by feature.</summary>
internal sealed class SiteContext
{
    private readonly Dictionary<string, FeatureAnchors> _anchors;
    private readonly Dictionary<string, LoadedFeature> _features;

    public SiteContext(DocsSources sources)
    {
        Sources = sources;
        _features = sources.Features.ToDictionary(feature => feature.Path, StringComparer.Ordinal);
        _anchors = sources.Features.ToDictionary(feature => feature.Path, feature => new FeatureAnchors(feature), StringComparer.Ordinal);
        Protocols = sources.Catalog.Requirements.Select(requirement => requirement.Protocol)
            .Concat(sources.Features.Select(feature => ProtocolOf(feature.Path)))
            .Concat(sources.Modules.Select(module => module.Protocol))
            .Where(protocol => protocol.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public DocsSources Sources { get; }

    public RequirementCatalog Catalog => Sources.Catalog;

    public LastRun? Results => Sources.Results;

    /// <summary>Every protocol the features, catalogs or modules name, in name order.</summary>
    public IReadOnlyList<string> Protocols { get; }

    public IEnumerable<CompiledScenario> Scenarios => Sources.Features.SelectMany(feature => feature.Scenarios);

    /// <summary>The protocol folder of a feature path (<c>features/&lt;protocol&gt;/…</c>); empty for a feature outside one.</summary>
    public static string ProtocolOf(string featurePath) => featurePath.Split('/') is ["features", var protocol, _, ..] ? protocol : "";

    public string Title(string protocol) => Catalog.Titles.GetValueOrDefault(protocol) ?? protocol;

    public IEnumerable<Requirement> RequirementsOf(string protocol) => Catalog.Requirements.Where(requirement => requirement.Protocol == protocol);

    public IEnumerable<LoadedFeature> FeaturesOf(string protocol) => Sources.Features.Where(feature => ProtocolOf(feature.Path) == protocol);

    public IEnumerable<SchemaGroup> SchemaGroups => Sources.Schemas;

    public SchemaGroup? SchemasOf(string protocol) => Sources.Schemas.FirstOrDefault(group => group.Name == protocol);

    /// <summary>The roles of a protocol: those its requirements bind, in catalog order, then certifiable roles no requirement names yet.</summary>
    public IReadOnlyList<string> RolesOf(string protocol) =>
        RequirementsOf(protocol).Select(requirement => requirement.Role)
            .Concat(Module(protocol)?.Roles.Select(role => role.Name) ?? [])
            .Distinct(StringComparer.Ordinal).ToList();

    public Modules.IProtocolModule? Module(string protocol) => Sources.Modules.FirstOrDefault(module => module.Protocol == protocol);

    public TranscriptParties Parties(string protocol) => Module(protocol)?.Parties ?? TranscriptParties.Generic;

    public IEnumerable<CompiledScenario> Covering(string id) => Scenarios.Where(scenario => scenario.Requirements.Contains(id, StringComparer.Ordinal));

    public LoadedFeature Feature(string path) => _features[path];

    public FeatureAnchors Anchors(string featurePath) => _anchors[featurePath];

    /// <summary>The link target of a scenario (or example row) on its feature page.</summary>
    public string ScenarioTarget(CompiledScenario scenario) => $"{LinkMap.Feature(scenario.FeaturePath)}#{Anchors(scenario.FeaturePath).Of(scenario)}";

    /// <summary>The diagram page of a scenario, when it has an approved transcript.</summary>
    public string? DiagramOf(CompiledScenario scenario) => Sources.Transcripts.Of(scenario) is null ? null : LinkMap.Diagram(scenario);

    public bool IsKnownRequirement(string id) => Catalog.Find(id) is not null;

    /// <summary>Where a reading is explained in the register.</summary>
    public static string ReadingTarget(Reading reading) => $"{LinkMap.Register}#{ReadingAnchor(reading)}";

    public static string ReadingAnchor(Reading reading) => $"reading-{reading.Protocol}-{Snapshots.Slug.Of(reading.Name)}";

    public IEnumerable<Reading> ReadingsOn(string id) => Catalog.Readings.Where(reading => reading.Requirements.Contains(id, StringComparer.Ordinal));
}

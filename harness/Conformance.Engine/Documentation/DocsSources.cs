using Conformance.Engine.Documentation.Sources;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Modules;
using Conformance.Engine.Requirements;
using Conformance.Engine.Validation;

namespace Conformance.Engine.Documentation;

/// <summary>
/// Everything the living documentation is made from, read once: the features, the requirement catalogs (with
/// their readings and known mistakes), the schemas and their examples, the approved transcripts, the fixtures'
/// README, the project README's mutation scores, the protocol modules and, when given, the last run's results.
/// </summary>
internal sealed class DocsSources
{
    /// <summary>Where the approved transcripts are by default, relative to the project root.</summary>
    public const string DefaultSnapshots = "tests/Conformance.Tests/Snapshots";

    /// <summary>Where the fixtures' README is, relative to the project root.</summary>
    public const string FixturesReadme = "tests/fixtures/README.md";

    /// <summary>The project's README, relative to the project root.</summary>
    public const string Readme = "README.md";

    private DocsSources(ProjectLayout layout, IReadOnlyList<LoadedFeature> features, RequirementCatalog catalog, SchemaSet schemaSet,
        IReadOnlyList<SchemaGroup> schemas, ApprovedTranscripts transcripts, IReadOnlyList<FixtureRow> fixtures, ReadmeTable? mutationScores, IReadOnlyList<IProtocolModule> modules, LastRun? results)
    {
        Layout = layout;
        Features = features;
        Catalog = catalog;
        SchemaSet = schemaSet;
        Schemas = schemas;
        Transcripts = transcripts;
        Fixtures = fixtures;
        MutationScores = mutationScores;
        Modules = modules;
        Results = results;
    }

    /// <summary>The project the site documents.</summary>
    public ProjectLayout Layout { get; }

    /// <summary>Every feature, parsed.</summary>
    public IReadOnlyList<LoadedFeature> Features { get; }

    /// <summary>Every protocol's requirements and readings.</summary>
    public RequirementCatalog Catalog { get; }

    /// <summary>True when the site reports a run's outcomes.</summary>
    public bool HasResults => Results is not null;

    internal SchemaSet SchemaSet { get; }

    internal IReadOnlyList<SchemaGroup> Schemas { get; }

    internal ApprovedTranscripts Transcripts { get; }

    internal IReadOnlyList<FixtureRow> Fixtures { get; }

    /// <summary>The README's mutation scores, when it has them.</summary>
    internal ReadmeTable? MutationScores { get; }

    internal IReadOnlyList<IProtocolModule> Modules { get; }

    internal LastRun? Results { get; }

    /// <summary>Reads the sources of <paramref name="layout"/>'s project.</summary>
    /// <param name="layout">The project.</param>
    /// <param name="resultsPath">A run's report folder (or its results.json), or null for a site without outcomes.</param>
    /// <param name="snapshotsDirectory">The approved transcripts; null for <see cref="DefaultSnapshots"/> when that folder exists.</param>
    /// <param name="modules">The protocol modules; null for every registered one.</param>
    /// <exception cref="FeatureParseException">A feature does not parse.</exception>
    /// <exception cref="InvalidDataException">A catalog, schema, transcript or results.json is malformed; the message names it.</exception>
    /// <exception cref="FileNotFoundException">There is no results.json where <paramref name="resultsPath"/> says.</exception>
    public static async Task<DocsSources> LoadAsync(ProjectLayout layout, string? resultsPath = null, string? snapshotsDirectory = null, IReadOnlyList<IProtocolModule>? modules = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var features = FeatureLoader.LoadFeatures(layout.Features, layout.Root);
        var catalog = RequirementCatalog.Load(layout.Features);
        var schemaSet = await SchemaSet.LoadAsync(layout.Schemas).ConfigureAwait(false);
        var schemas = SchemaFiles.Load(layout.Schemas, layout.Root);
        var snapshots = snapshotsDirectory ?? Path.Combine(layout.Root, DefaultSnapshots);
        var transcripts = new ApprovedTranscripts(Directory.Exists(snapshots) ? snapshots : null, layout.Root);
        var fixtures = FixtureTable.Load(Path.Combine(layout.Root, FixturesReadme));
        var mutationScores = ReadmeTable.Load(Path.Combine(layout.Root, Readme), ReadmeTable.MutationScores);
        var results = resultsPath is null ? null : LastRun.Load(resultsPath, schemaSet);
        return new DocsSources(layout, features, catalog, schemaSet, schemas, transcripts, fixtures, mutationScores, modules ?? ProtocolModules.All, results);
    }
}

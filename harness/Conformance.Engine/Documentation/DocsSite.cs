using Conformance.Engine.Documentation.Pages;
using Conformance.Engine.Documentation.Site;

namespace Conformance.Engine.Documentation;

/// <summary>
/// The living documentation: a self-contained, offline HTML site generated from the features, the requirement
/// catalogs, the schemas, the approved transcripts and, when given, a run's results. Every page is built from the
/// sources in a stable order and carries no time of its own, so the same sources give the same site.
/// </summary>
internal static class DocsSite
{
    /// <summary>Every page of the site (path relative to the site's root → HTML).</summary>
    public static IReadOnlyDictionary<string, string> Build(DocsSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return Build(new SiteContext(sources));
    }

    /// <summary>Builds the site and writes it into <paramref name="directory"/> (see <see cref="SiteFolder"/>); says what it wrote.</summary>
    /// <exception cref="InvalidOperationException">The folder is not one the site may go to.</exception>
    /// <exception cref="InvalidDataException">An approved transcript is not JSON; the message names it.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be written.</exception>
    public static DocsSummary Write(DocsSources sources, string directory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var site = new SiteContext(sources);
        var files = Build(site);
        SiteFolder.Write(directory, files);
        return new DocsSummary(
            files.Count,
            site.Protocols.Count,
            sources.Catalog.Requirements.Count,
            sources.Features.Count,
            files.Keys.Count(path => path.StartsWith("schemas/", StringComparison.Ordinal)),
            files.Keys.Count(path => path.StartsWith("diagrams/", StringComparison.Ordinal)),
            sources.HasResults);
    }

    private static SortedDictionary<string, string> Build(SiteContext site)
    {
        var sources = site.Sources;
        var pages = new List<SitePage> { HomePage.Build(site), InterpretationRegister.Build(site), SearchPage.Build(site) };
        pages.AddRange(site.Protocols.Select(protocol => ProtocolPage.Build(site, protocol)));
        pages.AddRange(sources.Catalog.Requirements.Select(requirement => RequirementPage.Build(site, requirement)));
        pages.AddRange(sources.Features.Select(feature => FeaturePage.Build(site, feature)));
        pages.AddRange(site.Scenarios.Select(scenario => DiagramPage.Build(site, scenario)).OfType<SitePage>());
        foreach (var group in site.SchemaGroups)
        {
            pages.AddRange(group.Schemas.Select(schema => SchemaPage.Build(site, schema, group)));
            pages.AddRange(group.Xsds.Select(xsd => XsdPage.Build(site, xsd, group)));
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (!files.TryAdd(page.Path, PageLayout.Render(site, page)))
            {
                throw new InvalidDataException($"Two pages of the site would be {page.Path}; rename one of their sources.");
            }
        }

        return files;
    }
}

/// <summary>What a written site holds.</summary>
/// <param name="Pages">Every page.</param>
/// <param name="Protocols">Protocol home pages.</param>
/// <param name="Requirements">Requirement pages.</param>
/// <param name="Features">Feature pages.</param>
/// <param name="Schemas">Schema and XSD pages.</param>
/// <param name="Diagrams">Sequence diagram pages, one per approved transcript.</param>
/// <param name="WithResults">True when the pages show a run's outcomes.</param>
internal sealed record DocsSummary(int Pages, int Protocols, int Requirements, int Features, int Schemas, int Diagrams, bool WithResults);

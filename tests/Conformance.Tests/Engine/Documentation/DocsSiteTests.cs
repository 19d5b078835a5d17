using Conformance.Engine.Documentation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Documentation;

/// <summary>Issue 10: the site renders every protocol's requirements, features, schemas and diagrams, the same way every time.</summary>
public class DocsSiteTests
{
    [Test]
    public async Task Has_a_page_for_every_requirement_feature_and_schema()
    {
        var site = await GeneratedSites.Suite();
        var sources = await DocsSources.LoadAsync(Project.Layout);

        foreach (var requirement in sources.Catalog.Requirements)
        {
            Assert.That(site.ContainsKey($"requirements/{requirement.Id}.html"), requirement.Id);
        }

        foreach (var feature in sources.Features)
        {
            Assert.That(site.ContainsKey(feature.Path.Replace(".feature", ".html", StringComparison.Ordinal)), feature.Path);
        }

        foreach (var schema in Directory.EnumerateFiles(Project.Layout.Schemas, "*.schema.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Project.Layout.Root, schema).Replace('\\', '/').Replace(".schema.json", ".html", StringComparison.Ordinal);
            Assert.That(site.ContainsKey(relative), relative);
        }

        Assert.That(site.Keys, Does.Contain("index.html").And.Contain("search.html").And.Contain("interpretations.html").And.Contain("protocols/launcher-connector.html"));
        Assert.That(site.Keys.Count(path => path.StartsWith("diagrams/", StringComparison.Ordinal)), Is.GreaterThan(50));
    }

    [Test]
    public async Task Builds_the_same_site_from_the_same_sources()
    {
        var first = DocsSite.Build(await DocsSources.LoadAsync(Project.Layout));
        var second = DocsSite.Build(await DocsSources.LoadAsync(Project.Layout));

        Assert.That(second.Keys, Is.EqualTo(first.Keys));
        Assert.That(first.Keys.Where(path => first[path] != second[path]), Is.Empty);
    }

    [Test]
    public async Task Gathers_every_interpretation_and_policy_in_the_register()
    {
        var register = (await GeneratedSites.Suite())["interpretations.html"];
        var sources = await DocsSources.LoadAsync(Project.Layout);

        foreach (var requirement in sources.Catalog.Requirements.Where(requirement => requirement.OriginNote is not null))
        {
            Assert.That(register, Does.Contain($"<tr id=\"{requirement.Id}\">"), requirement.Id);
        }

        foreach (var reading in sources.Catalog.Readings)
        {
            Assert.That(register, Does.Contain(Markup.Escape(reading.Note)), reading.Name);
        }

        Assert.That(register, Does.Not.Contain("<tr id=\"LC-L01\">"), "a source requirement is not in the register");
    }
}

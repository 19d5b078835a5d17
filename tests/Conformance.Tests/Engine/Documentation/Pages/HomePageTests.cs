namespace Conformance.Tests.Engine.Documentation.Pages;

/// <summary>Issue 12: the home page says how strong the suite is — fixtures that break the certifiable requirements, and the README's mutation scores.</summary>
public class HomePageTests
{
    [Test]
    public async Task Counts_the_certifiable_requirements_a_fixture_breaks_and_shows_the_readmes_mutation_scores()
    {
        var home = (await GeneratedSites.Suite())["index.html"];

        Assert.That(home, Does.Contain("<h2 id=\"suite-strength\">How strong the suite is</h2>"));
        Assert.That(home, Does.Match(@"Of the (\d+) requirements of the roles a vendor can certify, \1 are broken on purpose"));
        Assert.That(home, Does.Not.Contain("None breaks"));
        Assert.That(home, Does.Contain("<th>Configuration</th>").And.Contain("<td><code>reference.json</code></td>"));
        Assert.That(home, Does.Not.Contain("**"), "the README's emphasis markers are not shown");
    }

    [Test]
    public async Task A_project_without_certifiable_roles_or_a_readme_table_shows_a_zero_count_and_no_scores()
    {
        var home = (await GeneratedSites.Demo())["index.html"];

        Assert.That(home, Does.Contain("Of the 0 requirements of the roles a vendor can certify, 0 are broken"));
        Assert.That(home, Does.Not.Contain("Mutation scores"));
    }
}

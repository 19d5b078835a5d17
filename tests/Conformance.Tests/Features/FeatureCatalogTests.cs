using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;
using Conformance.Tests.Support;

namespace Conformance.Tests.Features;

/// <summary>The features and the requirements catalog agree: every ID covered, every tag known, names unique.</summary>
public class FeatureCatalogTests
{
    private static readonly IReadOnlyList<CompiledScenario> Scenarios = FeatureLoader.Load(Project.Layout.Features, Project.Layout.Root);
    private static readonly RequirementCatalog Catalog = RequirementCatalog.Load(Project.Layout.Features);

    [Test]
    public void Every_catalog_requirement_is_carried_by_a_scenario()
    {
        var covered = Scenarios.SelectMany(scenario => scenario.Requirements).ToHashSet();

        Assert.That(Catalog.Requirements.Select(requirement => requirement.Id).Where(id => !covered.Contains(id)), Is.Empty);
    }

    [Test]
    public void Every_Launcher_connector_requirement_of_the_catalog_is_present()
    {
        var expected = Enumerable.Range(1, 17).Select(n => $"LC-L{n:00}").Concat(Enumerable.Range(1, 14).Select(n => $"LC-C{n:00}"));

        Assert.That(Catalog.Requirements.Select(requirement => requirement.Id), Is.SupersetOf(expected));
    }

    [Test]
    public void Every_requirement_tag_names_a_catalog_entry()
    {
        var unknown = Scenarios.SelectMany(scenario => scenario.Requirements).Distinct().Where(id => Catalog.Find(id) is null);

        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void Every_scenario_names_the_party_under_test_and_it_matches_its_requirements()
    {
        foreach (var scenario in Scenarios)
        {
            Assert.That(scenario.Roles, Has.Count.EqualTo(1), scenario.DisplayName);
            foreach (var id in scenario.Requirements)
            {
                Assert.That(Catalog.Find(id)!.Roles, Does.Contain(scenario.Roles[0]), $"{scenario.DisplayName}: {id}");
            }
        }
    }

    [Test]
    public void Scenario_names_are_unique_within_each_feature()
    {
        var duplicates = Scenarios.GroupBy(scenario => (scenario.FeaturePath, scenario.Name)).Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.That(duplicates, Is.Empty);
    }

    /// <summary>Issue 13: a scenario carries @interpretation or @policy exactly when what it checks comes from one.</summary>
    [Test]
    public void A_scenario_is_tagged_interpretation_or_policy_exactly_when_what_it_checks_is_one()
    {
        var wrong = new List<string>();
        foreach (var scenario in Scenarios)
        {
            var requirements = scenario.Requirements.Select(id => Catalog.Find(id)!).ToList();
            var interpretation = requirements.Any(requirement => requirement.IsInterpretation)
                || Catalog.ReadingOfExamples(scenario.ExamplesName) is { Origin: RequirementOrigin.Interpretation };
            var policy = requirements.Any(requirement => requirement.IsPolicy);
            if (scenario.HasTag(Tag.Interpretation) != interpretation)
            {
                wrong.Add($"{scenario.DisplayName}: {(interpretation ? "needs" : "must not carry")} @interpretation");
            }

            if (scenario.HasTag(Tag.Policy) != policy)
            {
                wrong.Add($"{scenario.DisplayName}: {(policy ? "needs" : "must not carry")} @policy");
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Every_interpretation_and_policy_says_why_and_every_reading_names_known_vectors()
    {
        Assert.That(Catalog.Requirements.Where(requirement => requirement.Origin != RequirementOrigin.Source && string.IsNullOrWhiteSpace(requirement.OriginNote)), Is.Empty);
        Assert.That(Catalog.Requirements.Where(requirement => requirement.Origin == RequirementOrigin.Source && requirement.OriginNote is not null).Select(requirement => requirement.Id), Is.Empty,
            "a note says why a rule is an interpretation or a policy; a source rule needs none (a reading can bear on it instead)");
        foreach (var reading in Catalog.Readings)
        {
            Assert.That(reading.Vectors.Where(vector => !File.Exists(Path.Combine(Project.Layout.Root, vector))), Is.Empty, reading.Name);
        }
    }

    [Test]
    public void The_tables_T1_and_T2_live_in_the_features_as_examples()
    {
        var t1 = Scenarios.Where(scenario => scenario.ExamplesName == "table T1").ToList();
        var t2 = Scenarios.Where(scenario => scenario.ExamplesName == "table T2").ToList();

        Assert.That(t1.Select(scenario => scenario.Requirements[0]).Distinct(), Is.EquivalentTo(new[] { "LC-L07", "LC-L09" }));
        Assert.That(t1, Has.Count.EqualTo(12));
        Assert.That(t2, Has.Count.EqualTo(1));
    }
}

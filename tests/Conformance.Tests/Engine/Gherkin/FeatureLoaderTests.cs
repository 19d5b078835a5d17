using Conformance.Engine.Gherkin;

namespace Conformance.Tests.Engine.Gherkin;

public class FeatureLoaderTests
{
    private const string Feature = """"
        @role:launcher
        Feature: Sample
          Background:
            Given a session

          @req:X-01
          Scenario: plain
            When something happens
            And another thing happens
            Then it is seen
            But nothing else

          @req:X-02
          Scenario Outline: outline for <who>
            When <who> sends <what>
            Then the table says
              | who   | value |
              | <who> | <what> |

            @extra
            Examples: first block
              | who | what |
              | ann | 1    |
              | bob | 2    |

          Scenario: with a doc string
            When the connector sends:
              """
              {"eventType":"Custom"}
              """

          @ruled
          Rule: a rule groups scenarios
            Background:
              Given a rule's own setting

            Scenario: inside the rule
              Then the rule's setting holds
        """";

    private static IReadOnlyList<CompiledScenario> Compile()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".feature");
        File.WriteAllText(file, Feature);
        try
        {
            return FeatureLoader.LoadFile(file, "features/sample/sample.feature").Scenarios;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Puts_the_background_first_and_resolves_And_and_But_to_the_previous_kind()
    {
        var plain = Compile()[0];

        Assert.That(plain.Steps.Select(step => (step.Kind, step.Text)), Is.EqualTo(new[]
        {
            (StepKind.Given, "a session"),
            (StepKind.When, "something happens"),
            (StepKind.When, "another thing happens"),
            (StepKind.Then, "it is seen"),
            (StepKind.Then, "nothing else"),
        }));
    }

    [Test]
    public void Expands_an_outline_into_one_scenario_per_row_with_values_filled_in()
    {
        var rows = Compile().Where(scenario => scenario.Example is not null).ToList();

        Assert.That(rows.Select(row => row.Name), Is.EqualTo(new[] { "outline for ann", "outline for bob" }));
        Assert.That(rows[1].Steps[1].Text, Is.EqualTo("bob sends 2"));
        Assert.That(rows[1].Steps[2].Table!.Rows[0]["value"], Is.EqualTo("2"));
        Assert.That(rows[0].Example, Is.EqualTo(new[] { KeyValuePair.Create("who", "ann"), KeyValuePair.Create("what", "1") }));
        Assert.That(rows[0].ExamplesName, Is.EqualTo("first block"));
    }

    [Test]
    public void Merges_feature_scenario_and_examples_tags_in_order()
    {
        var row = Compile().First(scenario => scenario.Example is not null);

        Assert.That(row.Tags, Is.EqualTo(new[] { "@role:launcher", "@req:X-02", "@extra" }));
        Assert.That(row.Requirements, Is.EqualTo(new[] { "X-02" }));
        Assert.That(row.Roles, Is.EqualTo(new[] { "launcher" }));
    }

    [Test]
    public void Keeps_a_doc_string_as_the_step_argument()
    {
        var step = Compile().Single(scenario => scenario.Name == "with a doc string").Steps.Last();

        Assert.That(step.DocString, Is.EqualTo("{\"eventType\":\"Custom\"}"));
    }

    [Test]
    public void Gives_every_scenario_a_stable_identity_of_file_and_lines()
    {
        var ids = Compile().Select(scenario => scenario.Id).ToList();

        Assert.That(ids, Is.Unique);
        Assert.That(ids[0], Does.StartWith("features/sample/sample.feature:"));
    }

    [Test]
    public void Runs_a_rule_s_scenarios_after_both_backgrounds_with_the_rule_s_tags()
    {
        var ruled = Compile().Single(scenario => scenario.Name == "inside the rule");

        Assert.That(ruled.RuleName, Is.EqualTo("a rule groups scenarios"));
        Assert.That(ruled.Steps.Select(step => step.Text), Is.EqualTo(new[] { "a session", "a rule's own setting", "the rule's setting holds" }));
        Assert.That(ruled.Tags, Is.EqualTo(new[] { "@role:launcher", "@ruled" }));
        Assert.That(ruled.Protocol, Is.EqualTo("sample"));
    }

    [Test]
    public void Keeps_each_step_s_keyword_and_line_and_the_pickle_for_Cucumber_s_messages()
    {
        var plain = Compile()[0];

        Assert.That(plain.Steps.Select(step => step.Keyword), Is.EqualTo(new[] { "Given", "When", "And", "Then", "But" }));
        Assert.That(plain.Steps[0].Line, Is.EqualTo(4));
        Assert.That(plain.Pickle!.Name, Is.EqualTo("plain"));
        Assert.That(plain.Steps.All(step => step.PickleStepId is not null));
    }

    [Test]
    public void Names_the_file_and_the_problem_when_a_feature_does_not_parse()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".feature");
        File.WriteAllText(file, "Feature: broken\n  Scenario: x\n    Given y\n  | orphan | table |\n  Nonsense line here\n");
        try
        {
            var error = Assert.Throws<FeatureParseException>(() => _ = FeatureLoader.LoadFile(file, "features/broken.feature"));

            Assert.That(error!.Message, Does.StartWith("features/broken.feature does not parse:"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

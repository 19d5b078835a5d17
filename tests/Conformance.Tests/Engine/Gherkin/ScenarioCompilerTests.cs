using Conformance.Engine.Gherkin;

namespace Conformance.Tests.Engine.Gherkin;

public class ScenarioCompilerTests
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
        """";

    private static IReadOnlyList<CompiledScenario> Compile() =>
        ScenarioCompiler.Compile(new global::Gherkin.Parser().Parse(new StringReader(Feature)), "features/sample.feature");

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
        var step = Compile().Last().Steps.Last();

        Assert.That(step.DocString, Is.EqualTo("{\"eventType\":\"Custom\"}"));
    }

    [Test]
    public void Gives_every_scenario_a_stable_identity_of_file_and_lines()
    {
        var ids = Compile().Select(scenario => scenario.Id).ToList();

        Assert.That(ids, Is.Unique);
        Assert.That(ids[0], Does.StartWith("features/sample.feature:"));
    }

    [Test]
    public void Names_the_file_and_the_problem_when_a_feature_does_not_parse()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".feature");
        File.WriteAllText(file, "Feature: broken\n  Scenario: x\n    Given y\n  | orphan | table |\n  Nonsense line here\n");
        try
        {
            var error = Assert.Throws<FeatureParseException>(() => FeatureLoader.LoadFile(file, "features/broken.feature"));

            Assert.That(error!.Message, Does.StartWith("features/broken.feature does not parse:"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Gherkin;

/// <summary>
/// Turns a parsed feature into runnable scenarios with the official Cucumber pickle compiler: it expands
/// outlines, puts the background (and a Rule's background) first and merges the tags. What a pickle leaves
/// out and the runner and reports need — each step's keyword and line, an example row's values and its
/// Examples block's name — is looked up in the Gherkin document by the pickle's AST node ids.
/// </summary>
internal static class PickleScenarios
{
    /// <summary>The scenarios of <paramref name="document"/>, one per pickle, with ids from <paramref name="ids"/>.</summary>
    public static IReadOnlyList<CompiledScenario> Compile(Messages.GherkinDocument document, IIdGenerator ids)
    {
        var feature = document.Feature;
        if (feature is null)
        {
            return [];
        }

        var nodes = new GherkinNodes(feature);
        return new PickleCompiler(ids).Compile(document).Select(pickle => Scenario(pickle, document.Uri, feature, nodes)).ToList();
    }

    private static CompiledScenario Scenario(Messages.Pickle pickle, string uri, Messages.Feature feature, GherkinNodes nodes)
    {
        var scenario = nodes.Scenarios[pickle.AstNodeIds[0]];
        var row = pickle.AstNodeIds.Count > 1 ? nodes.Rows[pickle.AstNodeIds[1]] : default;
        var example = row.Row is null
            ? null
            : row.Examples.TableHeader!.Cells.Zip(row.Row.Cells, (name, value) => KeyValuePair.Create(name.Value, value.Value)).ToList();

        // An outline whose name holds no placeholder would give every row the same name: add the values.
        var name = example is not null && pickle.Name == scenario.Name
            ? $"{pickle.Name} ({string.Join(", ", example.Select(pair => pair.Value))})"
            : pickle.Name;
        return new CompiledScenario
        {
            FeaturePath = uri,
            FeatureName = feature.Name,
            RuleName = nodes.RuleOf.GetValueOrDefault(scenario.Id),
            Name = name,
            Tags = pickle.Tags.Select(tag => tag.Name).Distinct(StringComparer.Ordinal).ToList(),
            Steps = pickle.Steps.Select(step => Step(step, nodes)).ToList(),
            Line = (int)scenario.Location.Line,
            Example = example,
            ExamplesName = row.Examples?.Name,
            ExampleLine = row.Row is null ? null : (int)row.Row.Location.Line,
            Pickle = pickle,
        };
    }

    private static CompiledStep Step(Messages.PickleStep step, GherkinNodes nodes)
    {
        var written = nodes.Steps[step.AstNodeIds[0]];
        var kind = step.Type switch
        {
            Messages.PickleStepType.ACTION => StepKind.When,
            Messages.PickleStepType.OUTCOME => StepKind.Then,
            _ => StepKind.Given,
        };
        DataTable? table = step.Argument?.DataTable is { } rows
            ? new DataTable(rows.Rows.Select(tableRow => (IReadOnlyList<string>)tableRow.Cells.Select(cell => cell.Value).ToList()).ToList())
            : null;
        return new CompiledStep(kind, written.Keyword.Trim(), step.Text, (int)written.Location.Line, table, step.Argument?.DocString?.Content) { PickleStepId = step.Id };
    }

    /// <summary>The document's scenarios, steps and example rows by id, and the Rule each scenario sits in.</summary>
    private sealed class GherkinNodes
    {
        public GherkinNodes(Messages.Feature feature)
        {
            foreach (var child in feature.Children)
            {
                Add(child.Background, child.Scenario, rule: null);
                if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children)
                    {
                        Add(ruleChild.Background, ruleChild.Scenario, rule.Name);
                    }
                }
            }
        }

        public Dictionary<string, Messages.Scenario> Scenarios { get; } = [];

        public Dictionary<string, Messages.Step> Steps { get; } = [];

        public Dictionary<string, (Messages.Examples Examples, Messages.TableRow Row)> Rows { get; } = [];

        public Dictionary<string, string> RuleOf { get; } = [];

        private void Add(Messages.Background? background, Messages.Scenario? scenario, string? rule)
        {
            foreach (var step in background?.Steps ?? [])
            {
                Steps[step.Id] = step;
            }

            if (scenario is null)
            {
                return;
            }

            Scenarios[scenario.Id] = scenario;
            if (rule is not null)
            {
                RuleOf[scenario.Id] = rule;
            }

            foreach (var step in scenario.Steps)
            {
                Steps[step.Id] = step;
            }

            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    Rows[row.Id] = (examples, row);
                }
            }
        }
    }
}

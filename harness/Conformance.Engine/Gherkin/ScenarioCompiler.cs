using System.Text.RegularExpressions;
using Gherkin.Ast;

namespace Conformance.Engine.Gherkin;

/// <summary>
/// Turns a parsed feature into runnable scenarios. Gherkin 5's own pickle compiler drops the step keywords
/// and the example rows, which the runner needs, so this does the same expansion keeping both.
/// </summary>
public static partial class ScenarioCompiler
{
    /// <summary>Every scenario of <paramref name="document"/>, outlines expanded one per example row.</summary>
    public static IReadOnlyList<CompiledScenario> Compile(GherkinDocument document, string featurePath)
    {
        ArgumentNullException.ThrowIfNull(document);
        var feature = document.Feature;
        if (feature is null)
        {
            return [];
        }

        var featureTags = feature.Tags.Select(tag => tag.Name).ToList();
        var background = feature.Children.OfType<Background>().FirstOrDefault()?.Steps.ToList() ?? [];
        var scenarios = new List<CompiledScenario>();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Scenario scenario:
                    scenarios.Add(new CompiledScenario
                    {
                        FeaturePath = featurePath,
                        FeatureName = feature.Name,
                        Name = scenario.Name,
                        Tags = Merge(featureTags, scenario.Tags),
                        Steps = CompileSteps(background.Concat(scenario.Steps), []),
                        Line = scenario.Location.Line,
                    });
                    break;
                case ScenarioOutline outline:
                    scenarios.AddRange(ExpandOutline(feature, featurePath, featureTags, background, outline));
                    break;
                default:
                    break;
            }
        }

        return scenarios;
    }

    private static IEnumerable<CompiledScenario> ExpandOutline(
        Feature feature, string featurePath, List<string> featureTags, List<Step> background, ScenarioOutline outline)
    {
        foreach (var examples in outline.Examples)
        {
            if (examples.TableHeader is null)
            {
                continue;
            }

            var header = examples.TableHeader.Cells.Select(cell => cell.Value).ToList();
            foreach (var row in examples.TableBody)
            {
                var values = header.Zip(row.Cells.Select(cell => cell.Value), (name, value) => new KeyValuePair<string, string>(name, value)).ToList();
                var name = Substitute(outline.Name, values);
                if (name == outline.Name)
                {
                    name = $"{outline.Name} ({string.Join(", ", values.Select(pair => pair.Value))})";
                }

                yield return new CompiledScenario
                {
                    FeaturePath = featurePath,
                    FeatureName = feature.Name,
                    Name = name,
                    Tags = Merge(Merge(featureTags, outline.Tags), examples.Tags),
                    Steps = CompileSteps(background, []).Concat(CompileSteps(outline.Steps, values)).ToList(),
                    Line = outline.Location.Line,
                    Example = values,
                    ExamplesName = examples.Name,
                    ExampleLine = row.Location.Line,
                };
            }
        }
    }

    private static List<CompiledStep> CompileSteps(IEnumerable<Step> steps, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var compiled = new List<CompiledStep>();
        var kind = StepKind.Given;
        foreach (var step in steps)
        {
            kind = KindOf(step.Keyword) ?? kind;
            DataTable? table = null;
            string? docString = null;
            switch (step.Argument)
            {
                case global::Gherkin.Ast.DataTable rows:
                    table = new DataTable(rows.Rows.Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => Substitute(cell.Value, values)).ToList()).ToList());
                    break;
                case DocString text:
                    docString = Substitute(text.Content, values);
                    break;
                default:
                    break;
            }

            compiled.Add(new CompiledStep(kind, step.Keyword.Trim(), Substitute(step.Text, values), step.Location.Line, table, docString));
        }

        return compiled;
    }

    private static StepKind? KindOf(string keyword) => keyword.Trim() switch
    {
        "Given" => StepKind.Given,
        "When" => StepKind.When,
        "Then" => StepKind.Then,
        _ => null,
    };

    private static List<string> Merge(IEnumerable<string> first, IEnumerable<global::Gherkin.Ast.Tag> second) =>
        first.Concat(second.Select(tag => tag.Name)).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Merge(IEnumerable<string> first, IEnumerable<string> second) =>
        first.Concat(second).Distinct(StringComparer.Ordinal).ToList();

    private static string Substitute(string text, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0)
        {
            return text;
        }

        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            foreach (var pair in values)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            return match.Value;
        });
    }

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Placeholder();
}

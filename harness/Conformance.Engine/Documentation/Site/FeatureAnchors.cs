using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Documentation.Site;

/// <summary>
/// The anchors of one feature page: each Rule, Background and Scenario by its name (made unique within the page),
/// each example row by its line (<c>L42</c>), so that requirement pages and diagrams can link to the very row.
/// </summary>
internal sealed class FeatureAnchors
{
    private readonly Dictionary<long, string> _byLine = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public FeatureAnchors(LoadedFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        foreach (var child in feature.Document.Feature?.Children ?? [])
        {
            Add(child.Background, child.Scenario);
            if (child.Rule is { } rule)
            {
                Claim(rule.Location.Line, "rule-" + Slug.Of(rule.Name));
                foreach (var ruleChild in rule.Children)
                {
                    Add(ruleChild.Background, ruleChild.Scenario);
                }
            }
        }
    }

    /// <summary>The anchor of the Rule, Background, Scenario or example row written at <paramref name="line"/>.</summary>
    public string At(long line) => _byLine.TryGetValue(line, out var anchor) ? anchor : RowAnchor(line);

    /// <summary>The anchor of <paramref name="scenario"/>: its example row for an outline's row, else the scenario.</summary>
    public string Of(CompiledScenario scenario) => scenario.ExampleLine is { } row ? RowAnchor(row) : At(scenario.Line);

    public static string RowAnchor(long line) => $"L{line}";

    private void Add(Messages.Background? background, Messages.Scenario? scenario)
    {
        if (background is not null)
        {
            Claim(background.Location.Line, "background" + (background.Name is { Length: > 0 } name ? "-" + Slug.Of(name) : ""));
        }

        if (scenario is not null)
        {
            Claim(scenario.Location.Line, Slug.Of(scenario.Name) is { Length: > 0 } slug ? slug : "scenario");
        }
    }

    // Slugs are lower case, so they never meet a row's "L<line>".
    private void Claim(long line, string wanted)
    {
        var anchor = wanted;
        for (var suffix = 2; !_taken.Add(anchor); suffix++)
        {
            anchor = $"{wanted}-{suffix}";
        }

        _byLine[line] = anchor;
    }
}

using Conformance.Engine.Gherkin;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Documentation.Site;

/// <summary>The scenarios of a feature as written (an outline once, not once per row), Rules included, in file order.</summary>
internal static class WrittenScenarios
{
    public static IEnumerable<Messages.Scenario> Of(LoadedFeature feature) =>
        (feature.Document.Feature?.Children ?? [])
            .SelectMany(child => child.Rule is { } rule ? rule.Children.Select(ruleChild => ruleChild.Scenario) : [child.Scenario])
            .OfType<Messages.Scenario>();

    public static Messages.Scenario? At(LoadedFeature feature, long line) => Of(feature).FirstOrDefault(scenario => scenario.Location.Line == line);
}

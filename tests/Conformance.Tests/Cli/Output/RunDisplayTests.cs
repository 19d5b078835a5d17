using Conformance.Cli.Output;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Running;

namespace Conformance.Tests.Cli.Output;

/// <summary>Issue 7: the console shows every violation of a scenario up to five, then how many more the report holds.</summary>
public class RunDisplayTests
{
    private static ScenarioResult Failed(int violations) => new()
    {
        Scenario = new CompiledScenario
        {
            FeaturePath = "features/launcher-connector/connector-lines.feature",
            FeatureName = "Lines",
            Name = "many faults",
            Tags = ["@role:connector", "@req:LC-C02"],
            Steps = [],
            Line = 3,
        },
        Outcome = ScenarioOutcome.Failed,
        Violations = Enumerable.Range(1, violations).Select(number => new Violation("LC-C02", "one JSON object per line", $"line {number} is not JSON")).ToList(),
        Duration = TimeSpan.FromMilliseconds(5),
    };

    [TestCase(5, 5, false)]
    [TestCase(7, 5, true)]
    public void Shows_up_to_five_violations_and_then_how_many_more(int violations, int shown, bool more)
    {
        var output = new StringWriter();
        var display = new PlainRunDisplay(output, total: 1);

        display.Finished(Failed(violations));

        var text = output.ToString();
        Assert.That(text, Does.Contain("failed").And.Contain("Lines / many faults"));
        Assert.That(Enumerable.Range(1, violations).Count(number => text.Contains($"LC-C02: expected one JSON object per line; actual line {number} is not JSON", StringComparison.Ordinal)), Is.EqualTo(shown));
        Assert.That(text.Contains($"… and {violations - shown} more (see the report)", StringComparison.Ordinal), Is.EqualTo(more));
    }
}

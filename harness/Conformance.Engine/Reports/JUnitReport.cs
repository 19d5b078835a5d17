using System.Globalization;
using System.Xml.Linq;
using Conformance.Engine.Running;

namespace Conformance.Engine.Reports;

/// <summary>
/// <c>junit.xml</c> for CI systems: one test suite per feature, one test case per scenario, its requirements
/// as properties with their level and origin. Failed and undefined scenarios are failures (under --strict a
/// missed SHOULD is already failed); skipped ones are skipped; notes, and the violations of a non-strict or
/// informational scenario, go to system-out.
/// </summary>
internal static class JUnitReport
{
    /// <summary>The report of <paramref name="run"/>.</summary>
    public static XDocument Build(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suites = run.Scenarios.GroupBy(result => result.Scenario.FeaturePath).Select(feature =>
        {
            var cases = feature.Select(result => TestCase(result, run)).ToList();
            return new XElement(
                "testsuite",
                new XAttribute("name", feature.First().Scenario.FeatureName),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
                new XAttribute("errors", 0),
                new XAttribute("time", Seconds(feature.Aggregate(TimeSpan.Zero, (sum, result) => sum + result.Duration))),
                cases);
        }).ToList();

        return new XDocument(new XElement(
            "testsuites",
            new XAttribute("name", ToolVersion.Name),
            new XAttribute("tests", run.Scenarios.Count),
            new XAttribute("failures", suites.Sum(suite => (int)suite.Attribute("failures")!)),
            new XAttribute("skipped", suites.Sum(suite => (int)suite.Attribute("skipped")!)),
            new XAttribute("time", Seconds(run.Duration)),
            suites));
    }

    private static XElement TestCase(ScenarioResult result, RunResult run)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", result.Scenario.FeaturePath),
            new XAttribute("name", result.Scenario.Name),
            new XAttribute("time", Seconds(result.Duration)));
        var requirements = result.Scenario.Requirements
            .Select(id => run.Requirements.FirstOrDefault(requirement => requirement.Requirement.Id == id)?.Requirement)
            .OfType<Requirements.Requirement>()
            .ToList();
        if (requirements.Count > 0)
        {
            element.Add(new XElement("properties", requirements.Select(requirement => new XElement(
                "property",
                new XAttribute("name", "requirement"),
                new XAttribute("value", $"{requirement.Id} {requirement.LevelName} {requirement.OriginName}")))));
        }

        var failing = result.Outcome is ScenarioOutcome.Failed or ScenarioOutcome.Undefined;
        if (failing)
        {
            var first = result.Violations.FirstOrDefault();
            var message = first is null ? result.Reason ?? OutcomeNames.Of(result.Outcome) : $"{first.Requirement}: {first.Actual}";
            var details = string.Join("\n", result.Violations.Select(v => $"{v.Requirement}: expected {v.Expected}; actual {v.Actual}"));
            element.Add(new XElement("failure", new XAttribute("message", message), new XAttribute("type", OutcomeNames.Of(result.Outcome)),
                details.Length > 0 ? details : result.Suggestion ?? result.Reason ?? ""));
        }
        else if (result.Outcome == ScenarioOutcome.Skipped)
        {
            element.Add(new XElement("skipped", new XAttribute("message", result.Reason ?? "skipped")));
        }

        var output = new List<string>();
        if (result.Outcome is ScenarioOutcome.NonStrict or ScenarioOutcome.Informational && !failing)
        {
            output.Add($"{OutcomeNames.Of(result.Outcome)}: " + string.Join("; ", result.Violations.Select(v => $"{v.Requirement}: {v.Actual}")));
        }

        output.AddRange(result.Notes.Select(note => "note: " + note));
        if (result.Snapshot is { IsRegression: true } snapshot)
        {
            output.Add($"snapshot {snapshot.StateName}: {snapshot.Difference ?? $"no approved transcript at {snapshot.VerifiedPath}"}");
        }

        if (output.Count > 0)
        {
            element.Add(new XElement("system-out", string.Join("\n", output)));
        }

        return element;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}

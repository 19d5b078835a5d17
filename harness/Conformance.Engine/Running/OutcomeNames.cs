namespace Conformance.Engine.Running;

/// <summary>The outcome names the reports use.</summary>
internal static class OutcomeNames
{
    /// <summary>"passed", "non-strict", "not-covered", …</summary>
    public static string Of(ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Passed => "passed",
        ScenarioOutcome.Failed => "failed",
        ScenarioOutcome.NonStrict => "non-strict",
        ScenarioOutcome.Informational => "informational",
        ScenarioOutcome.Skipped => "skipped",
        ScenarioOutcome.Undefined => "undefined",
        ScenarioOutcome.NotCovered => "not-covered",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>How bad an outcome is, for "worst of": failed beats non-strict beats informational beats passed.</summary>
    public static int Severity(ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Failed => 3,
        ScenarioOutcome.NonStrict => 2,
        ScenarioOutcome.Informational => 1,
        _ => 0,
    };
}

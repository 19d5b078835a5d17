namespace Conformance.Engine.Running;

/// <summary>How a scenario (or a requirement) came out.</summary>
internal enum ScenarioOutcome
{
    /// <summary>Ran, and nothing was violated.</summary>
    Passed,

    /// <summary>A MUST was violated, a snapshot differs, or a step broke.</summary>
    Failed,

    /// <summary>Only SHOULDs were violated: conformant, but flagged (failed under --strict).</summary>
    NonStrict,

    /// <summary>Only MAYs were violated, or the scenario only reports information.</summary>
    Informational,

    /// <summary>Not run: wrong platform, or a prerequisite is missing.</summary>
    Skipped,

    /// <summary>A step has no binding, or more than one.</summary>
    Undefined,

    /// <summary>Requirements only: no selected scenario carries it.</summary>
    NotCovered,
}

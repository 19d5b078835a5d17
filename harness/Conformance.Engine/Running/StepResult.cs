namespace Conformance.Engine.Running;

/// <summary>How one step went.</summary>
internal enum StepStatus
{
    /// <summary>Ran without a violation.</summary>
    Passed,

    /// <summary>Ran and found a violation, or broke.</summary>
    Failed,

    /// <summary>Not run, because an earlier step stopped the scenario.</summary>
    Skipped,

    /// <summary>No binding, or a pending one.</summary>
    Undefined,

    /// <summary>More than one binding.</summary>
    Ambiguous,
}

/// <summary>One step's result, for reports.</summary>
internal sealed record StepResult(string Keyword, string Text, int Line, StepStatus Status, string? Message, TimeSpan Duration)
{
    /// <summary>The step as compiled, with its pickle step's id; null for steps built by hand (tests).</summary>
    public Gherkin.CompiledStep? Step { get; init; }

    /// <summary>The binding it ran, when it had exactly one.</summary>
    public Bindings.StepBinding? Binding { get; init; }

    /// <summary>The violations this step found (masked).</summary>
    public IReadOnlyList<Violation> Violations { get; init; } = [];
}

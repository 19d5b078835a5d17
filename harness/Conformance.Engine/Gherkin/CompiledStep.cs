namespace Conformance.Engine.Gherkin;

/// <summary>One step ready to run: its resolved kind, its text with outline values filled in, and its argument.</summary>
internal sealed record CompiledStep(StepKind Kind, string Keyword, string Text, int Line, DataTable? Table = null, string? DocString = null)
{
    /// <summary>The Cucumber pickle step's id, for the message stream; null for steps built by hand (tests).</summary>
    public string? PickleStepId { get; init; }
}

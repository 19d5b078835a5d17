using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>How one step matched the bindings: once (runnable), never (undefined) or more than once (ambiguous).</summary>
internal sealed record StepMatch(CompiledStep Step, StepBinding? Binding, IReadOnlyList<string> Arguments, IReadOnlyList<StepBinding> Candidates)
{
    /// <summary>True when exactly one binding matched.</summary>
    public bool IsBound => Binding is not null;

    /// <summary>True when no binding matched.</summary>
    public bool IsUndefined => Candidates.Count == 0;

    /// <summary>True when several bindings matched.</summary>
    public bool IsAmbiguous => Candidates.Count > 1;
}

namespace Conformance.Engine.Requirements;

/// <summary>Where a requirement comes from, so that a vendor failed by it can ask "where does the document say that?".</summary>
internal enum RequirementOrigin
{
    /// <summary>The published source says it.</summary>
    Source,

    /// <summary>The suite's reading of what the source leaves open, loses (tables without cells) or leaves without numbers.</summary>
    Interpretation,

    /// <summary>A rule beyond the source, added for security or robustness; <c>--source-only</c> counts it as information.</summary>
    Policy,
}

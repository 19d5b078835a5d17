namespace Conformance.Engine.Running;

/// <summary>Thrown by a step when a requirement is not met and the scenario cannot go on.</summary>
internal sealed class RequirementViolationException(string requirement, string expected, string actual)
    : Exception($"{requirement}: expected {expected}; actual {actual}")
{
    /// <summary>The violation.</summary>
    public Violation Violation { get; } = new(requirement, expected, actual);
}

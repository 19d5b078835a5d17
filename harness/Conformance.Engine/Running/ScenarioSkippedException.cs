namespace Conformance.Engine.Running;

/// <summary>Thrown by a step when the scenario cannot be judged (a missing prerequisite); the reason is reported.</summary>
internal sealed class ScenarioSkippedException(string reason) : Exception(reason)
{
    /// <summary>Why the scenario was not judged.</summary>
    public string Reason { get; } = reason;
}

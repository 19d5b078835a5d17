namespace Conformance.Engine.Bindings;

/// <summary>Thrown by a binding that exists but is not written yet: the scenario is undefined, never green.</summary>
internal sealed class PendingStepException() : Exception("The step's binding is pending.");

namespace Conformance.Engine.Running;

/// <summary>A requirement not met: what it asks for and what happened instead.</summary>
/// <param name="Requirement">The catalog ID.</param>
/// <param name="Expected">What the requirement asks for, concretely.</param>
/// <param name="Actual">What was observed.</param>
/// <param name="Hard">True for violations that fail whatever the requirement's level (a broken step, a snapshot that differs).</param>
internal sealed record Violation(string Requirement, string Expected, string Actual, bool Hard = false);

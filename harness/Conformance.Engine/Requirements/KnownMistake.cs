namespace Conformance.Engine.Requirements;

/// <summary>
/// A mistake implementers are known to make against a requirement, and how to fix it: read from the protocol's
/// <c>mistakes.json</c>, shown on the requirement's documentation page and next to its violations in report.html.
/// </summary>
/// <param name="Requirement">The requirement it breaks, such as <c>LC-C03</c>.</param>
/// <param name="Mistake">What is done, and why it breaks the requirement.</param>
/// <param name="Fix">What to do instead.</param>
/// <param name="Example">Code that does it right, when a few lines show it better than words.</param>
internal sealed record KnownMistake(string Requirement, string Mistake, string Fix, string? Example = null);

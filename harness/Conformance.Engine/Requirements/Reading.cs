namespace Conformance.Engine.Requirements;

/// <summary>
/// A reading the suite makes that bears on several requirements, not one: a table whose cells the source
/// lost (T1, T2), how strictly a message is read, a convention the harness adds. Listed in the catalog so that
/// a reader can find and dispute it.
/// </summary>
/// <param name="Name">What it is called, e.g. "table T1".</param>
/// <param name="Origin">Interpretation or policy.</param>
/// <param name="Requirements">The requirements it bears on.</param>
/// <param name="Note">What the source says, what the suite reads or adds, and why.</param>
/// <param name="Protocol">The protocol folder it belongs to.</param>
/// <param name="ExamplesName">For a table: the name of the Examples blocks built on it ("table T1").</param>
/// <param name="Vectors">Schema test vectors that embody it, relative to the project root.</param>
internal sealed record Reading(string Name, RequirementOrigin Origin, IReadOnlyList<string> Requirements, string Note, string Protocol, string? ExamplesName, IReadOnlyList<string> Vectors);

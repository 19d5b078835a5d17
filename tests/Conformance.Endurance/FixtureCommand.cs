using Conformance.Engine;

namespace Conformance.Endurance;

/// <summary>The command line of a conformant fixture, with its interpreter.</summary>
internal static class FixtureCommand
{
    // The system interpreter when there is one: a version manager's shim (pyenv) adds half a second to every start.
    private const string SystemPython = "/usr/bin/python3";

    public static IReadOnlyList<string> For(FixtureKind kind, ProjectLayout layout)
    {
        var fixtures = Path.Combine(layout.Root, "tests", "fixtures");
        return kind switch
        {
            FixtureKind.Python => [File.Exists(SystemPython) ? SystemPython : "python3", Path.Combine(fixtures, "python", "conformant_connector.py")],
            FixtureKind.Node => ["node", Path.Combine(fixtures, "node", "conformant-connector.js")],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fixture."),
        };
    }
}

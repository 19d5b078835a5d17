using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Every DCV extension fixture in tests/fixtures, and the reference extension, with what certification must say of
/// each: the requirements of the role it does not pass and their outcomes; every other one passes. The certification
/// test runs them; the requirement × fixture matrix reads them.
/// </summary>
internal static class DcvExtensionFixtureCases
{
    private static readonly string Bin = AppContext.BaseDirectory;
    private static readonly string PythonInterpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private static readonly string Python = Path.Combine(Project.Layout.Root, "tests", "fixtures", "python");

    /// <summary>The requirements <c>certify dcv-extension</c> judges.</summary>
    public static IReadOnlyList<string> RoleRequirements { get; } = ["VC-01", "VC-04", "VC-11", "VC-13", "VC-15", "VC-16"];

    /// <summary>Every case: the reference extension, the conformant fixtures, then one per rule broken.</summary>
    public static IReadOnlyList<DcvExtensionFixtureCase> All { get; } =
    [
        new("the reference extension (C#)", ["dotnet", Path.Combine(Bin, "ReferenceDcvExtension.dll"), "--greet", "hello"], []),
        Dotnet("a conformant C# extension", "conformant"),
        PythonFixture("a conformant Python extension", "conformant"),
        PythonFixture("a Python extension that writes before the ready event", "writes-before-ready", "VC-04 failed"),
        PythonFixture("a Python extension that sends a wrong token", "wrong-token", "VC-04 failed"),
        PythonFixture("a Python extension that writes to standard error", "writes-to-stderr", "VC-11 failed"),
        Dotnet("a C# extension that writes to standard error", "writes-to-stderr", "VC-11 failed"),
        PythonFixture("a Python extension that crashes when its fifth channel is refused", "crashes-on-refusal", "VC-13 non-strict"),
        Dotnet("a C# extension that crashes when its fifth channel is refused", "crashes-on-refusal", "VC-13 non-strict"),
        PythonFixture("a Python extension whose relays a child process opens", "relay-from-a-child", "VC-15 failed"),
        PythonFixture("a Python extension that floods its control channel", "floods-stdout", "VC-01 failed"),
        PythonFixture("a Python extension that writes half a frame and exits", "truncates-a-frame", "VC-01 failed"),
        PythonFixture("a Python extension that writes a length over the limit", "writes-a-huge-length", "VC-01 failed"),
        PythonFixture("a Python extension that writes a length with its top bit set", "writes-a-top-bit-length", "VC-01 failed"),
        PythonFixture("a Python extension that reads on past a malformed frame from DCV", "ignores-malformed-frames", "VC-01 failed"),
        PythonFixture("a Python extension that expects a whole frame in one read", "expects-whole-reads", "VC-16 failed", "VC-13 skipped"),
    ];

    private static DcvExtensionFixtureCase Dotnet(string name, string behaviour, params string[] judged) =>
        new(name, ["dotnet", Path.Combine(Bin, "DcvExtensionFixtures.dll"), behaviour], judged);

    private static DcvExtensionFixtureCase PythonFixture(string name, string behaviour, params string[] judged) =>
        new(name, [PythonInterpreter, Path.Combine(Python, "dcv_extension.py"), behaviour], judged);
}

/// <summary>One DCV extension to certify, and the outcomes certification must give it.</summary>
internal sealed record DcvExtensionFixtureCase(string Name, string[] Command, string[] Judged)
{
    /// <summary>"conformant", or the outcomes joined.</summary>
    public string Expected => Judged.Length == 0 ? "conformant" : string.Join(", ", Judged);
}

using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Every connector in tests/fixtures with what certification must say of it. The certification test runs
/// them; tests/fixtures/README.md lists them, and a test holds the two together so they cannot drift.
/// </summary>
internal static class ConnectorFixtures
{
    private static readonly string Bin = AppContext.BaseDirectory;

    // The system interpreter when there is one: a version manager's shim adds half a second to every start.
    private static readonly string PythonInterpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Every fixture, as the README lists them.</summary>
    public static IReadOnlyList<ConnectorFixture> All { get; } =
    [
        Dotnet("the reference connector", "harness/ReferenceConnector", "ReferenceConnector.dll", null),
        Misbehaving("a C# connector that never connects", "never-connects", "LC-C01 failed", "every other skipped but LC-C13"),
        Misbehaving("a C# connector that sends an unknown event type", "unknown-event-type", "LC-C04 failed"),
        Misbehaving("a C# connector that reports closed before created", "closed-before-created", "LC-C06 failed"),
        Misbehaving("a C# connector that reports a failure after created", "failure-after-created", "LC-C06 failed"),
        Misbehaving("a C# connector that writes a BOM and CRLF", "bom-and-crlf", "LC-C03 non-strict"),
        Python("a conformant Python connector", "conformant_connector"),
        Python("a Python connector that writes invalid JSON", "writes_invalid_json", "LC-C02 failed"),
        Python("a Python connector that writes invalid UTF-8", "writes_invalid_utf8", "LC-C02 failed"),
        Python("a Python connector that floods and writes a 5 MiB line", "floods_and_writes_a_huge_line", "LC-C02 failed"),
        Python("a Python connector that leaks the password to standard error", "leaks_password_to_stderr", "LC-C09 failed"),
        Python("a Python connector that leaks the password in a child's command line", "leaks_password_in_child_command_line", "LC-C09 failed"),
        Python("a Python connector that lingers after its final event", "lingers_after_final_event", "LC-C10 non-strict"),
        new("a conformant Node.js connector", "node/conformant-connector.js", "Node.js", ["node", Path.Combine(Project.Layout.Root, "tests", "fixtures", "node", "conformant-connector.js")], [], InBothModes: true),
        Python("a Python connector that crashes mid-line", "crashes_mid_line", "LC-C02 failed", "LC-C07 non-strict", "LC-C08 non-strict", "LC-C12 skipped"),
        Python("a Python connector that misspells its window event", "misspells_window_event", "LC-C04 failed", "LC-C07 non-strict", "LC-C12 skipped"),
        Python("a Python connector that reports a processId on a Custom event", "reports_a_process_id_on_a_custom_event", "LC-C05 non-strict"),
        Python("a Python connector that ignores the Launcher hanging up", "ignores_the_launcher_hanging_up", "LC-C11 non-strict"),
        Python("a Python connector that spins the CPU after the Launcher hangs up", "spins_after_the_launcher_hangs_up", "LC-C11 non-strict"),
        Python("a Python connector that fails on unknown members", "fails_on_unknown_members", "LC-C12 failed"),
        Python("a Python connector that crashes without the pipe", "crashes_without_the_pipe", "LC-C13 informational"),
        Python("a Python connector that sends an empty Custom message", "sends_an_empty_custom_message", "LC-C14 non-strict"),

        // Hostile to the harness rather than to the protocol: certified once, sharing runs, and checked for leftovers.
        // (Isolated, the one with 200 children would start 4,800: a load test, not a comparison of modes.)
        Python("a Python connector that double-forks a daemon ignoring SIGTERM", "double_forks_a_daemon") with { InBothModes = false },
        Python("a Python connector that leaves 200 children behind", "starts_many_children") with { InBothModes = false },
    ];

    private static ConnectorFixture Python(string name, string script, params string[] judged) =>
        new(name, $"python/{script}.py", "Python", [PythonInterpreter, Path.Combine(Project.Layout.Root, "tests", "fixtures", "python", script + ".py")], judged, InBothModes: true);

    private static ConnectorFixture Misbehaving(string name, string misbehaviour, params string[] judged) =>
        Dotnet(name, $"dotnet/MisbehavingConnector {misbehaviour}", "MisbehavingConnector.dll", misbehaviour, judged);

    private static ConnectorFixture Dotnet(string name, string file, string assembly, string? argument, params string[] judged) =>
        new(name, file, "C#", argument is null ? ["dotnet", Path.Combine(Bin, assembly)] : ["dotnet", Path.Combine(Bin, assembly), argument], judged, InBothModes: true);
}

/// <summary>One connector fixture and its expected verdict.</summary>
/// <param name="Name">What it is, in words.</param>
/// <param name="File">Where it is, as the README names it (relative to tests/fixtures, or the harness's own project).</param>
/// <param name="Language">The language it is written in.</param>
/// <param name="Command">How to start it.</param>
/// <param name="Judged">The requirements not passed and their outcome ("LC-C02 failed"); empty for a conformant one.</param>
/// <param name="InBothModes">Certified both sharing runs and isolated, and the two compared.</param>
internal sealed record ConnectorFixture(string Name, string File, string Language, string[] Command, string[] Judged, bool InBothModes)
{
    /// <summary>"conformant", or the outcomes joined: what the README's last column says.</summary>
    public string Expected => Judged.Length == 0 ? "conformant" : string.Join(", ", Judged);
}

using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Every Pipe Messaging fixture in tests/fixtures, and the reference roles, with what certification must say of each:
/// the requirements of its role it does not pass and their outcomes; every other one passes. The certification test
/// runs them; other tests read them (a requirement × fixture matrix), and tests/fixtures/README.md lists them.
/// </summary>
internal static class PipeMessagingFixtureCases
{
    private static readonly string Bin = AppContext.BaseDirectory;

    // The system interpreter when there is one: a version manager's shim adds half a second to every start.
    private static readonly string PythonInterpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The requirements each certifiable role is judged on, as <c>certify &lt;role&gt;</c> reports them.</summary>
    public static IReadOnlyDictionary<string, string[]> RoleRequirements { get; } = new Dictionary<string, string[]>
    {
        ["event-pipe-service"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-E01", "PM-E02", "PM-E03", "PM-E05", "PM-E06", "PM-E07", "PM-E08", "PM-E09", "PM-E10"],
        ["event-pipe-client"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-E02", "PM-E04", "PM-E05", "PM-E06"],
        ["command-pipe-server"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-C01", "PM-C02", "PM-C03"],
        ["command-pipe-client"] = ["PM-F01", "PM-F02", "PM-F03", "PM-F04", "PM-F05", "PM-F06", "PM-C04"],
    };

    /// <summary>Every case, grouped by role: the reference role, the conformant fixtures, then one per rule broken.</summary>
    public static IReadOnlyList<PipeMessagingFixtureCase> All { get; } =
    [
        Reference("event-pipe-service"),
        Python("a conformant Python event-pipe service", "event-pipe-service", "pm_event_service", "conformant"),
        Python("a Python service that never answers the handshake", "event-pipe-service", "pm_event_service", "never-answers-handshake", "PM-E03 failed"),
        Python("a Python service that never checks an idle client", "event-pipe-service", "pm_event_service", "no-checks", "PM-E05 failed"),
        Python("a Python service that loses an unconfirmed event", "event-pipe-service", "pm_event_service", "loses-unconfirmed", "PM-E07 failed"),
        Python("a Python service that keeps TrafficChanged", "event-pipe-service", "pm_event_service", "keeps-traffic", "PM-E08 failed", "PM-E10 non-strict"),
        Python("a Python service that redelivers newest first", "event-pipe-service", "pm_event_service", "redelivers-newest-first", "PM-E09 failed"),
        Python("a Python service that dies on a hostile length", "event-pipe-service", "pm_event_service", "dies-on-hostile-length", "PM-F02 failed"),
        Python("a Python service that will not emit events on request", "event-pipe-service", "pm_event_service", "refuses-emit-event",
            "PM-E06 skipped", "PM-E07 skipped", "PM-E08 skipped", "PM-E09 skipped", "PM-E10 skipped"),
        Python("a Python service that answers a Handshake from any sender", "event-pipe-service", "pm_event_service", "answers-any-handshake", "PM-F03 failed"),
        Python("a Python service that expects a whole frame in one read", "event-pipe-service", "pm_event_service", "expects-whole-reads", "PM-F04 failed"),
        Python("a Python service that greets a second client while the first is connected", "event-pipe-service", "pm_event_service", "greets-a-second-client", "PM-E01 failed"),

        Reference("event-pipe-client"),
        Dotnet("a conformant C# event-pipe client", "event-pipe-client", "conformant"),
        Python("a conformant Python event-pipe client", "event-pipe-client", "pm_event_client", null),
        Dotnet("a C# client that handshakes late", "event-pipe-client", "handshakes-late", "PM-E02 failed"),
        Dotnet("a C# client that never reconnects after its time-out", "event-pipe-client", "never-reconnects", "PM-E04 failed"),
        Dotnet("a C# client that ignores the service's checks", "event-pipe-client", "ignores-checks", "PM-E05 failed"),
        Dotnet("a C# client that never confirms", "event-pipe-client", "never-confirms", "PM-E06 failed"),

        Reference("command-pipe-server"),
        Dotnet("a conformant C# command-pipe server", "command-pipe-server", "conformant"),
        Python("a conformant Python command-pipe server", "command-pipe-server", "pm_command_server", null),
        Dotnet("a C# server that takes two requests on one connection", "command-pipe-server", "takes-two-requests", "PM-C01 failed"),
        Dotnet("a C# server that drops waiting clients", "command-pipe-server", "drops-waiting-clients", "PM-C02 failed"),
        Dotnet("a C# server that never disconnects a silent client", "command-pipe-server", "never-disconnects-silent-clients", "PM-C03 failed"),
        Dotnet("a C# server that ends its frames with a newline", "command-pipe-server", "ends-frames-with-a-newline", "PM-F01 failed"),
        Python("a Python server that passes over zero-length frames", "command-pipe-server", "pm_command_server", "skips-empty-frames", "PM-F06 failed"),

        Reference("command-pipe-client"),
        Dotnet("a conformant C# command-pipe client", "command-pipe-client", "conformant"),
        Python("a conformant Python command-pipe client", "command-pipe-client", "pm_command_client", null),
        Dotnet("a C# client that gives up on a slow answer", "command-pipe-client", "gives-up-after-2-seconds", "PM-C04 non-strict"),
        Dotnet("a C# client that takes an answer the end of the stream cut short", "command-pipe-client", "takes-a-cut-off-answer", "PM-F05 failed"),
    ];

    /// <summary>Each requirement of <paramref name="role"/> with its expected outcome: "passed" unless <paramref name="judged"/> ("PM-E03 failed") says otherwise.</summary>
    public static Dictionary<string, string> Outcomes(string role, IEnumerable<string> judged)
    {
        var outcomes = RoleRequirements[role].ToDictionary(id => id, _ => "passed");
        foreach (var entry in judged)
        {
            var parts = entry.Split(' ', 2);
            outcomes[parts[0]] = parts[1];
        }

        return outcomes;
    }

    // "the reference event-pipe service (C#)".
    private static PipeMessagingFixtureCase Reference(string role) =>
        new($"the reference {role[..role.LastIndexOf('-')]} {role[(role.LastIndexOf('-') + 1)..]} (C#)", role, ["dotnet", Path.Combine(Bin, "ReferencePipeMessaging.dll"), role], []);

    private static PipeMessagingFixtureCase Dotnet(string name, string role, string behaviour, params string[] judged) =>
        new(name, role, ["dotnet", Path.Combine(Bin, "PipeMessagingFixtures.dll"), role, behaviour], judged);

    // A script's behaviour is its one argument; null for the scripts that play one behaviour only.
    private static PipeMessagingFixtureCase Python(string name, string role, string script, string? behaviour, params string[] judged) =>
        new(name, role, [PythonInterpreter, Path.Combine(Project.Layout.Root, "tests", "fixtures", "python", script + ".py"), .. behaviour is null ? Array.Empty<string>() : [behaviour]], judged);
}

/// <summary>One Pipe Messaging fixture and its expected verdict.</summary>
/// <param name="Name">What it is, in words.</param>
/// <param name="Role">The role it is certified as (<c>certify &lt;role&gt;</c>).</param>
/// <param name="Command">How to start it.</param>
/// <param name="Judged">The requirements of its role not passed, with their outcome ("PM-E03 failed"); empty for a conformant one.</param>
internal sealed record PipeMessagingFixtureCase(string Name, string Role, string[] Command, string[] Judged)
{
    /// <summary>"conformant", or the outcomes joined: what the README's last column says.</summary>
    public string Expected => Judged.Length == 0 ? "conformant" : string.Join(", ", Judged);

    /// <summary>Each requirement of the role with its expected outcome: "passed" unless <see cref="Judged"/> says otherwise.</summary>
    public IReadOnlyDictionary<string, string> Outcomes => PipeMessagingFixtureCases.Outcomes(Role, Judged);
}

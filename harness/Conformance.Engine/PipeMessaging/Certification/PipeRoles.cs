namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>The four certifiable roles: their names, what they must do, and their deadlines' defaults.</summary>
internal static class PipeRoles
{
    public const string EventPipeService = "event-pipe-service";
    public const string EventPipeClient = "event-pipe-client";
    public const string CommandPipeServer = "command-pipe-server";
    public const string CommandPipeClient = "command-pipe-client";

    /// <summary>Every role, in the order <c>certify --help</c> lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [EventPipeService, EventPipeClient, CommandPipeServer, CommandPipeClient];

    /// <summary>True for the roles that accept connections, which the harness polls for readiness.</summary>
    public static bool Serves(string role) => role is EventPipeService or CommandPipeServer;

    /// <summary>One sentence for <c>certify --help</c>.</summary>
    public static string Summary(string role) => role switch
    {
        EventPipeService => "A Pipe Messaging event-pipe service with its command pipe (pipes in CONFORMANCE_EVENT_PIPE_NAME and CONFORMANCE_COMMAND_PIPE_NAME): one client at a time, handshakes, idle checks, confirmed events, kept and dropped events (PM-E01 to PM-E10, PM-F01 to PM-F06); events are asked for with Conformance.EmitEvent.",
        EventPipeClient => "A Pipe Messaging event-pipe client (pipe in CONFORMANCE_EVENT_PIPE_NAME): handshakes at once, replaces itself after a failed handshake, answers idle checks, confirms events (PM-E02, PM-E04 to PM-E06, PM-F01 to PM-F06).",
        CommandPipeServer => "A Pipe Messaging command-pipe server (pipe in CONFORMANCE_COMMAND_PIPE_NAME): one request per connection, one client at a time, the 3 s request deadline (PM-C01 to PM-C03, PM-F01 to PM-F06).",
        CommandPipeClient => "A Pipe Messaging command-pipe client (pipe in CONFORMANCE_COMMAND_PIPE_NAME) that sends one request and exits 0 with the response: waits for long operations (PM-C04, PM-F01 to PM-F06).",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a Pipe Messaging role"),
    };

    /// <summary>The role's deadlines with the protocol's defaults, and the real-time tolerance.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> DefaultTimeouts(string role)
    {
        var timeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            [TimeoutNames.LateTolerance] = TimeSpan.FromMilliseconds(250),
            [TimeoutNames.EarlyTolerance] = TimeSpan.FromMilliseconds(50),
        };
        void Set(string name, double seconds) => timeouts[name] = TimeSpan.FromSeconds(seconds);
        switch (role)
        {
            case EventPipeService:
                Set(TimeoutNames.Ready, 10);
                Set(TimeoutNames.Handshake, 1);
                Set(TimeoutNames.Idle, 1);
                Set(TimeoutNames.KeepAliveAnswer, 1);
                Set(TimeoutNames.Confirmation, 1);
                break;
            case EventPipeClient:
                Set(TimeoutNames.Connect, 10);
                Set(TimeoutNames.HandshakeTimeout, 3);
                Set(TimeoutNames.Reconnect, 1);
                break;
            case CommandPipeServer:
                Set(TimeoutNames.Ready, 10);
                Set(TimeoutNames.Request, 3);
                break;
            case CommandPipeClient:
                Set(TimeoutNames.Connect, 10);
                Set(TimeoutNames.Response, 10);
                Set(TimeoutNames.Exit, 5);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, "not a Pipe Messaging role");
        }

        return timeouts;
    }
}

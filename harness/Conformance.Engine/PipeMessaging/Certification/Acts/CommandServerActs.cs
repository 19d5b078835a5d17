using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Acts.Script;

namespace Conformance.Engine.PipeMessaging.Certification.Acts;

/// <summary>What the harness does to a command-pipe server under test, in real time.</summary>
internal static class CommandServerActs
{
    public const string Exchanges = "requests at once, in XML, and a byte at a time";
    public const string Turns = "three clients at once";
    public const string InsideDeadline = "a request well inside the deadline";
    public const string Silent = "a client that says nothing";
    public const string Drip = "a request dripping in a byte every 100 ms";
    public const string ProtocolErrors = "hostile lengths, cut-off frames and a flood";
    public const string NotMessages = "payloads that are not requests";

    /// <summary>A client sends <paramref name="bytes"/> and waits, at most the request deadline and a margin, for the server to close.</summary>
    private static async Task<FramePeer?> ExchangeAsync(LiveStage stage, string name, Func<FramePeer, Task> send)
    {
        if (await stage.ConnectAsync(name, stage.CommandPipe!).ConfigureAwait(false) is not { } client)
        {
            return null;
        }

        await send(client).ConfigureAwait(false);
        stage.Mark($"{name} sent");
        await new Cursor(client, stage.Cancellation).EndAsync(stage.Target.Timeout(TimeoutNames.Request) + Slack).ConfigureAwait(false);
        await client.DisposeAsync().ConfigureAwait(false);
        return client;
    }

    public static async Task ExchangesAsync(LiveStage stage)
    {
        // PM-C01, PM-F04: a second request in the same write is never answered.
        await ExchangeAsync(stage, "client 1", client => client.SendTogetherAsync([Echo("client 1"), Echo("second")], stage.Cancellation)).ConfigureAwait(false);

        // PM-F03: the XML form is a request too.
        await ExchangeAsync(stage, "client 2", client => client.SendAsync(Echo("xml"), PayloadKind.Xml, stage.Cancellation)).ConfigureAwait(false);

        // PM-F04: a request a byte at a time, each byte once the server has read the last: well inside the deadline.
        await ExchangeAsync(stage, "client 3", client =>
        {
            var frame = Frame(Echo("drip"));
            return SendInPiecesAsync(stage, client, frame, frame.Length, apart: null, "a Request a byte at a time");
        }).ConfigureAwait(false);
    }

    public static async Task TurnsAsync(LiveStage stage)
    {
        if (await stage.ConnectAsync("client 1", stage.CommandPipe!).ConfigureAwait(false) is not { } first)
        {
            return;
        }

        var request = Frame(Echo("client 1"));
        await first.SendBytesAsync(request.AsMemory(0, 10), "the first 10 bytes of a Request", stage.Cancellation).ConfigureAwait(false);
        await stage.PauseAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);

        // PM-C02: two more arrive while client 1's exchange is open; they keep trying while told "busy".
        var others = new List<Task<FramePeer?>>();
        foreach (var name in new[] { "client 2", "client 3" })
        {
            others.Add(Task.Run(async () =>
            {
                if (await stage.ConnectAsync(name, stage.CommandPipe!).ConfigureAwait(false) is { } client)
                {
                    await client.SendAsync(Echo(name), cancellationToken: stage.Cancellation).ConfigureAwait(false);
                    return client;
                }

                return null;
            }));
            await stage.PauseAsync(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }

        await stage.PauseAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        stage.Mark("client 1 completes its request");
        await first.SendBytesAsync(request.AsMemory(10), "the rest of the Request", stage.Cancellation).ConfigureAwait(false);
        var clients = new List<FramePeer?> { first };
        clients.AddRange(await Task.WhenAll(others).ConfigureAwait(false));
        foreach (var client in clients.OfType<FramePeer>())
        {
            await new Cursor(client, stage.Cancellation).EndAsync(stage.Target.Timeout(TimeoutNames.Request) + Slack).ConfigureAwait(false);
        }
    }

    public static async Task InsideDeadlineAsync(LiveStage stage) =>
        await ExchangeAsync(stage, "client 1", async client =>
        {
            await stage.PauseAsync(Inside(stage.Target.Timeout(TimeoutNames.Request))).ConfigureAwait(false);
            await client.SendAsync(Echo("client 1"), cancellationToken: stage.Cancellation).ConfigureAwait(false);
        }).ConfigureAwait(false);

    public static Task SilentAsync(LiveStage stage) => ExchangeAsync(stage, "client 1", _ => Task.CompletedTask);

    public static Task DripAsync(LiveStage stage) => ExchangeAsync(stage, "client 1", async client =>
    {
        stage.Mark("client 1 starts");
        var frame = Frame(Echo("drip"));
        await SendInPiecesAsync(stage, client, frame, frame.Length, TimeSpan.FromMilliseconds(100), "a Request a byte every 100 ms").ConfigureAwait(false);
    });

    /// <summary>The hostile inputs of <see cref="ProtocolErrors"/>.</summary>
    public static IReadOnlyList<Hostile> ProtocolErrorInputs { get; } =
    [
        new("zero length", "PM-F06", Header(0)),
        new("cut off inside the header", "PM-F05", Frame(Echo("cut"))[..2], EndWriting: true),
        new("cut off inside the payload", "PM-F05", Frame(Echo("cut"))[..30], EndWriting: true),
        new("an early close", "PM-F05", [], Close: true),
        new("a flood of 1000 requests", "PM-F04", [], Flood: true),
        // A legal 2 GiB claim is no protocol error: only the deadline forces the drop. Top bits come last, so a receiver that dies of them spoils nothing else.
        new("a claimed 2 GiB", "PM-C03", Header(0x7FFFFFFF, 16), Deadline: true),
        new("top bit 0x80000000", "PM-F02", Header(0x80000000)),
        new("top bit 0xFFFFFFFF", "PM-F02", Header(0xFFFFFFFF)),
    ];

    /// <summary>The inputs of <see cref="NotMessages"/>.</summary>
    public static IReadOnlyList<Hostile> NotMessageInputs { get; } =
    [
        new("plain text", "PM-F03", Text("plain words"), Deadline: true),
        new("invalid UTF-8", "PM-F03", Raw([0x3C, 0xFF, 0x3E]), Deadline: true),
        new("a request without its requestId", "PM-F03", Text("{\"messageType\":\"Request\",\"command\":\"Conformance.Echo\",\"parameters\":{}}"), Deadline: true),
        new("a Handshake in place of a request", "PM-F03", Frame(ClientHandshake), Deadline: true),
    ];

    public static Task ProtocolErrorsAsync(LiveStage stage) => HostileAsync(stage, ProtocolErrorInputs);

    public static Task NotMessagesAsync(LiveStage stage) => HostileAsync(stage, NotMessageInputs);

    private static async Task HostileAsync(LiveStage stage, IReadOnlyList<Hostile> inputs)
    {
        var deadline = stage.Target.Timeout(TimeoutNames.Request);
        foreach (var input in inputs)
        {
            if (await stage.ConnectAsync(input.Name, stage.CommandPipe!).ConfigureAwait(false) is { } hostile)
            {
                if (input.Flood)
                {
                    // PM-F04: a request with a thousand more in the same write: the first answered, the server goes on.
                    await hostile.SendTogetherAsync([Echo("before the flood"), .. Enumerable.Range(0, 1000).Select(index => Echo($"flood {index}"))], stage.Cancellation).ConfigureAwait(false);
                    stage.Mark($"{input.Name} sent");
                    await new Cursor(hostile, stage.Cancellation).EndAsync(deadline + Slack).ConfigureAwait(false);
                    await hostile.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    await EventServiceActs.HostileInputAsync(stage, hostile, input, deadline).ConfigureAwait(false);
                }
            }

            // The server goes on: the next client's request is answered.
            await ExchangeAsync(stage, $"probe after {input.Name}", probe => probe.SendAsync(Echo($"probe after {input.Name}"), cancellationToken: stage.Cancellation)).ConfigureAwait(false);
        }
    }
}

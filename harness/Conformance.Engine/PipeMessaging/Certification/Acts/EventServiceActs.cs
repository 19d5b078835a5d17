using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Acts.Script;

namespace Conformance.Engine.PipeMessaging.Certification.Acts;

/// <summary>What the harness does to an event-pipe service under test, in real time; the judges read what it recorded.</summary>
internal static class EventServiceActs
{
    public const string Handshakes = "a client handshakes and stays idle";
    public const string HandshakeDeadline = "clients handshake late, never, and a byte at a time";
    public const string UnansweredCheck = "a client leaves the service's check unanswered";
    public const string SecondClient = "a second client while the first is connected";
    public const string Events = "events confirmed at once, late and in turn";
    public const string KeptEvents = "an event left unconfirmed, and more while no client is connected";
    public const string Traffic = "TrafficChanged left unconfirmed";
    public const string ProtocolErrors = "hostile lengths, cut-off frames and a flood";
    public const string NotMessages = "payloads that are not messages, and a slow drip";

    /// <summary>A client that connects and handshakes, answering the service's checks, then connected anew.</summary>
    public static async Task<Cursor?> HandshakenAsync(LiveStage stage, string name)
    {
        var peer = await stage.ConnectAsync(name, stage.EventPipe!).ConfigureAwait(false);
        if (peer is null)
        {
            return null;
        }

        var cursor = new Cursor(peer, stage.Cancellation);
        await peer.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
        var handshook = stage.Now;
        stage.Mark($"{name} handshook");
        // The answer, or an event a service sends at once (kept events come first): either way the exchange goes on.
        await peer.WaitUntilAsync(candidate => candidate.Ended || candidate.Messages.Any(message => IsServiceHandshake(message) || message is Event),
            stage.Target.Timeout(TimeoutNames.Handshake) + Slack, stage.Cancellation).ConfigureAwait(false);
        var first = peer.Messages.FirstOrDefault(message => IsServiceHandshake(message) || message is Event) is Handshake
            ? await cursor.NextAsync(IsServiceHandshake, TimeSpan.Zero).ConfigureAwait(false)
            : null;

        // A Handshake that comes only after half the idle interval may be a check from a service that never answered:
        // a client answers it, as it answers every check, so one missing answer (PM-E03) spoils nothing else.
        if (first is not null && first.At - handshook > stage.Target.Timeout(TimeoutNames.Idle) / 2)
        {
            await peer.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
        }

        return cursor;
    }

    public static async Task HandshakesAsync(LiveStage stage)
    {
        var idle = stage.Target.Timeout(TimeoutNames.Idle);
        var answer = stage.Target.Timeout(TimeoutNames.KeepAliveAnswer);
        if (await HandshakenAsync(stage, "client 1").ConfigureAwait(false) is not { } client)
        {
            return;
        }

        // PM-E05: the first check is answered at once, the second just inside its deadline; a third shows the connection kept.
        if (await client.NextAsync(IsServiceHandshake, idle + Slack).ConfigureAwait(false) is not null)
        {
            await client.Peer.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
            if (await client.NextAsync(IsServiceHandshake, idle + Slack).ConfigureAwait(false) is not null)
            {
                await stage.PauseAsync(Script.Inside(answer)).ConfigureAwait(false);
                await client.Peer.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
                stage.Mark("client 1 answered late");
                await client.NextAsync(IsServiceHandshake, idle + answer + Slack).ConfigureAwait(false);
            }
        }

        stage.Step("checks-seen", new() { ["count"] = client.Peer.Messages.Count(IsServiceHandshake) - 1 >= 3 ? "3" : "fewer than 3" });
    }

    public static async Task HandshakeDeadlineAsync(LiveStage stage)
    {
        var deadline = stage.Target.Timeout(TimeoutNames.Handshake);

        // PM-E02, just inside: a Handshake well inside the deadline is answered.
        if (await stage.ConnectAsync("client 1", stage.EventPipe!).ConfigureAwait(false) is { } late)
        {
            var cursor = new Cursor(late, stage.Cancellation);
            await stage.PauseAsync(Script.Inside(deadline)).ConfigureAwait(false);
            await late.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
            stage.Mark("client 1 handshook");
            await cursor.NextAsync(IsServiceHandshake, Promptly + Slack).ConfigureAwait(false);
            await late.DisposeAsync().ConfigureAwait(false);
        }

        // PM-E02, outside: a client that says nothing is cut off when the deadline is up.
        if (await stage.ConnectAsync("client 2", stage.EventPipe!).ConfigureAwait(false) is { } silent)
        {
            await new Cursor(silent, stage.Cancellation).EndAsync(deadline + Slack).ConfigureAwait(false);
            await silent.DisposeAsync().ConfigureAwait(false);
        }

        // PM-F04: a Handshake arriving a byte at a time, each once the service has read the last, is rebuilt and answered.
        if (await stage.ConnectAsync("client 3", stage.EventPipe!).ConfigureAwait(false) is { } dripping)
        {
            var frame = Frame(ClientHandshake);
            await SendInPiecesAsync(stage, dripping, frame, frame.Length, apart: null, "a Handshake a byte at a time").ConfigureAwait(false);
            stage.Mark("client 3 handshook");
            await new Cursor(dripping, stage.Cancellation).NextAsync(IsServiceHandshake, Promptly + Slack).ConfigureAwait(false);
        }
    }

    public static async Task UnansweredCheckAsync(LiveStage stage)
    {
        if (await HandshakenAsync(stage, "client 1").ConfigureAwait(false) is not { } client)
        {
            return;
        }

        if (await client.NextAsync(IsServiceHandshake, stage.Target.Timeout(TimeoutNames.Idle) + Slack).ConfigureAwait(false) is { } check)
        {
            stage.MarkAt("check came", check.At);
            await client.EndAsync(stage.Target.Timeout(TimeoutNames.KeepAliveAnswer) + Slack).ConfigureAwait(false);
        }
    }

    public static async Task SecondClientAsync(LiveStage stage)
    {
        if (await HandshakenAsync(stage, "client 1").ConfigureAwait(false) is not { } first)
        {
            return;
        }

        // PM-E01: refused at once, or let in and left without a word while the first is connected.
        if (await stage.TryConnectOnceAsync("client 2", stage.EventPipe!).ConfigureAwait(false) is { } second)
        {
            await second.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
        }

        // Long enough for the first client's next check: it is still being served meanwhile.
        if (await first.NextAsync(IsServiceHandshake, stage.Target.Timeout(TimeoutNames.Idle) + Slack).ConfigureAwait(false) is not null)
        {
            await first.Peer.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
        }

        await stage.PauseAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        stage.Mark("client 1 leaves");
        await first.Peer.DisposeAsync().ConfigureAwait(false);
    }

    public static async Task EventsAsync(LiveStage stage)
    {
        var confirmation = stage.Target.Timeout(TimeoutNames.Confirmation);
        if (await HandshakenAsync(stage, "client 1").ConfigureAwait(false) is not { } client)
        {
            return;
        }

        // PM-E06: A confirmed at once, B well inside its deadline.
        foreach (var (label, delay) in new[] { ("A", TimeSpan.Zero), ("B", Script.Inside(confirmation)) })
        {
            if (!await stage.EmitAsync("StateChanged", label).ConfigureAwait(false))
            {
                return;
            }

            if (await client.NextAsync(message => message is Event @event && LabelOf(@event) == label, Promptly + Slack).ConfigureAwait(false) is { Message: Event @event })
            {
                await stage.PauseAsync(delay).ConfigureAwait(false);
                await client.Peer.SendAsync(new Confirmation(@event.EventId), cancellationToken: stage.Cancellation).ConfigureAwait(false);
                stage.Mark($"confirmed {label}");
            }
        }

        // PM-E06: while C awaits its confirmation, D must wait.
        if (!await stage.EmitAsync("StateChanged", "C").ConfigureAwait(false) || !await stage.EmitAsync("StateChanged", "D").ConfigureAwait(false))
        {
            return;
        }

        foreach (var label in new[] { "C", "D" })
        {
            if (await client.NextAsync(message => message is Event @event && LabelOf(@event) == label, Promptly + Slack).ConfigureAwait(false) is { Message: Event @event })
            {
                if (label == "C")
                {
                    await stage.PauseAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
                }

                stage.Mark($"confirmed {label}");
                await client.Peer.SendAsync(new Confirmation(@event.EventId), cancellationToken: stage.Cancellation).ConfigureAwait(false);
            }
        }

        await stage.PauseAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        stage.Mark("client 1 leaves");
        await client.Peer.DisposeAsync().ConfigureAwait(false);

        // PM-E09: a confirmed event is never delivered again.
        if (await HandshakenAsync(stage, "client 2").ConfigureAwait(false) is { } next)
        {
            await stage.PauseAsync(TimeSpan.FromMilliseconds(1200)).ConfigureAwait(false);
            await next.Peer.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static async Task KeptEventsAsync(LiveStage stage)
    {
        var confirmation = stage.Target.Timeout(TimeoutNames.Confirmation);
        if (await HandshakenAsync(stage, "client 1").ConfigureAwait(false) is not { } first || !await stage.EmitAsync("StateChanged", "K1").ConfigureAwait(false))
        {
            return;
        }

        // PM-E07: K1 left unconfirmed costs the connection.
        if (await first.NextAsync(message => message is Event @event && LabelOf(@event) == "K1", Promptly + Slack).ConfigureAwait(false) is { } arrived)
        {
            stage.MarkAt("K1 arrived", arrived.At);
            await first.EndAsync(confirmation + Slack).ConfigureAwait(false);
        }

        await first.Peer.DisposeAsync().ConfigureAwait(false);

        // PM-E10: two more while no client is connected.
        if (!await stage.EmitAsync("StateChanged", "K2").ConfigureAwait(false) || !await stage.EmitAsync("ConnectionLost", "K3").ConfigureAwait(false))
        {
            return;
        }

        // PM-E07, PM-E09: the next client gets them right after its handshake, oldest first; each confirmed at once.
        if (await HandshakenAsync(stage, "client 2").ConfigureAwait(false) is { } second)
        {
            for (var index = 0; index < 3; index++)
            {
                if (await second.NextAsync(message => message is Event, Promptly + Slack).ConfigureAwait(false) is not { Message: Event @event })
                {
                    break;
                }

                await second.Peer.SendAsync(new Confirmation(@event.EventId), cancellationToken: stage.Cancellation).ConfigureAwait(false);
            }

            await second.Peer.DisposeAsync().ConfigureAwait(false);
        }

        // PM-E09: confirmed, they never come again.
        if (await HandshakenAsync(stage, "client 3").ConfigureAwait(false) is not null)
        {
            await stage.PauseAsync(TimeSpan.FromMilliseconds(1200)).ConfigureAwait(false);
        }
    }

    public static async Task TrafficAsync(LiveStage stage)
    {
        var confirmation = stage.Target.Timeout(TimeoutNames.Confirmation);
        if (await HandshakenAsync(stage, "client 1").ConfigureAwait(false) is not { } first || !await stage.EmitAsync(EventTypes.TrafficChanged, "T1").ConfigureAwait(false))
        {
            return;
        }

        // PM-E08: T1 left unconfirmed; the connection must outlast its deadline.
        if (await first.NextAsync(message => message is Event @event && LabelOf(@event) == "T1", Promptly + Slack).ConfigureAwait(false) is not null)
        {
            await stage.PauseAsync(confirmation + stage.Target.Tolerance.Late + TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
            stage.Mark("T1 deadline passed");
        }

        // The service's checks are answered meanwhile, so only the unconfirmed event could cost the connection.
        await first.Peer.DisposeAsync().ConfigureAwait(false);
        if (!await stage.EmitAsync(EventTypes.TrafficChanged, "T2").ConfigureAwait(false))
        {
            return;
        }

        // Whatever comes is confirmed at once, so one wrongly kept event cannot hide another.
        if (await HandshakenAsync(stage, "client 2").ConfigureAwait(false) is { } second)
        {
            var until = stage.Now + TimeSpan.FromMilliseconds(1200);
            while (stage.Now < until && await second.NextAsync(message => message is Event, until - stage.Now).ConfigureAwait(false) is { Message: Event @event })
            {
                await second.Peer.SendAsync(new Confirmation(@event.EventId), cancellationToken: stage.Cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The hostile inputs of <see cref="ProtocolErrors"/>: name, bytes, whether the harness then ends its writing.</summary>
    public static IReadOnlyList<Hostile> ProtocolErrorInputs { get; } =
    [
        new("zero length", "PM-F06", Header(0)),
        new("cut off inside the header", "PM-F05", Frame(ClientHandshake)[..2], EndWriting: true),
        new("cut off inside the payload", "PM-F05", Frame(ClientHandshake)[..20], EndWriting: true),
        new("an early close", "PM-F05", [], Close: true),
        new("a flood of 1000 frames", "PM-F04", [.. Enumerable.Range(0, 1001).SelectMany(_ => Frame(ClientHandshake))], Flood: true),
        // A legal 2 GiB claim is no protocol error: only the deadline forces the drop. Top bits come last, so a receiver that dies of them spoils nothing else.
        new("a claimed 2 GiB", "PM-E02", Header(0x7FFFFFFF, 16), Deadline: true),
        new("top bit 0x80000000", "PM-F02", Header(0x80000000)),
        new("top bit 0xFFFFFFFF", "PM-F02", Header(0xFFFFFFFF)),
    ];

    /// <summary>The inputs of <see cref="NotMessages"/>.</summary>
    public static IReadOnlyList<Hostile> NotMessageInputs { get; } =
    [
        new("plain text", "PM-F03", Text("hello"), Deadline: true),
        new("invalid UTF-8", "PM-F03", Raw([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), Deadline: true),
        new("a byte-order mark", "PM-F03", Raw([0xEF, 0xBB, 0xBF, .. "{\"messageType\":\"Handshake\",\"sender\":\"Client\"}"u8.ToArray()]), Deadline: true),
        new("a Handshake from nobody", "PM-F03", Text("{\"messageType\":\"Handshake\",\"sender\":\"Nobody\"}"), Deadline: true),
        new("a slow drip", "PM-E02", Frame(ClientHandshake), Deadline: true, Drip: true),
    ];

    public static Task ProtocolErrorsAsync(LiveStage stage) => HostileAsync(stage, ProtocolErrorInputs);

    public static Task NotMessagesAsync(LiveStage stage) => HostileAsync(stage, NotMessageInputs);

    /// <summary>Each input on a connection of its own, then a client that must still be served.</summary>
    private static async Task HostileAsync(LiveStage stage, IReadOnlyList<Hostile> inputs)
    {
        var deadline = stage.Target.Timeout(TimeoutNames.Handshake);
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            if (await stage.ConnectAsync(input.Name, stage.EventPipe!).ConfigureAwait(false) is { } hostile)
            {
                await HostileInputAsync(stage, hostile, input, deadline).ConfigureAwait(false);
            }

            // The service goes on: the next client is served as ever.
            if (await HandshakenAsync(stage, $"probe after {input.Name}").ConfigureAwait(false) is { } probe)
            {
                await probe.Peer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one hostile input and waits (bounded) for the other side to drop the connection.</summary>
    public static async Task HostileInputAsync(LiveStage stage, FramePeer hostile, Hostile input, TimeSpan deadline)
    {
        if (input.Close)
        {
            await hostile.DisposeAsync().ConfigureAwait(false);
            stage.Mark($"{input.Name} sent");
            return;
        }

        if (input.Drip)
        {
            stage.Mark($"{input.Name} sent");
            await SendInPiecesAsync(stage, hostile, input.Bytes, input.Bytes.Length, TimeSpan.FromMilliseconds(100), input.Name).ConfigureAwait(false);
        }
        else
        {
            if (input.Flood)
            {
                await hostile.SendAsync(ClientHandshake, cancellationToken: stage.Cancellation).ConfigureAwait(false);
            }

            await hostile.SendBytesAsync(input.Bytes, input.Name, stage.Cancellation).ConfigureAwait(false);
            stage.Mark($"{input.Name} sent");
            if (input.EndWriting)
            {
                hostile.EndWriting();
            }
        }

        var cursor = new Cursor(hostile, stage.Cancellation);
        if (input.Flood)
        {
            // The answer to the first message shows the receiver read through the flood; then a moment for it to choke.
            await cursor.NextAsync(IsServiceHandshake, Promptly + Slack).ConfigureAwait(false);
            await stage.PauseAsync(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
        else
        {
            await cursor.EndAsync((input.Deadline ? deadline : Promptly) + Slack).ConfigureAwait(false);
        }

        await hostile.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One hostile input: what it is, the rule it tests, its bytes, and how it ends.</summary>
/// <param name="Name">As reports say it.</param>
/// <param name="Requirement">The rule the receiver's answer to it is judged by.</param>
/// <param name="Bytes">What is sent.</param>
/// <param name="Deadline">True when the receiver may take its handshake or request deadline to drop it, rather than promptly.</param>
/// <param name="EndWriting">True when the harness then ends its writing, so the stream ends inside the frame.</param>
/// <param name="Close">True when the harness closes at once, having sent nothing.</param>
/// <param name="Flood">True for a flood of valid frames after a valid first message: the receiver goes on.</param>
/// <param name="Drip">True when the bytes go one every 100 ms.</param>
internal sealed record Hostile(string Name, string Requirement, byte[] Bytes, bool Deadline = false, bool EndWriting = false, bool Close = false, bool Flood = false, bool Drip = false);

using System.Text.Json;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess;

/// <summary>
/// A reference server role under a manual clock — the event-pipe service with its command pipe, or a command-pipe
/// server — and the numbered clients the scenario scripts against it. Every step settles before it returns.
/// </summary>
internal sealed class ServingStage(PipeScene scene)
{
    private readonly Dictionary<int, FramePeer> _clients = [];
    private readonly Dictionary<string, Guid> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Request> _requests = [];
    private int _commandClients;

    /// <summary>The event-pipe service, when the scenario put one on stage.</summary>
    public EventPipeService? Service { get; private set; }

    /// <summary>The command-pipe server: the service's command pipe, or a server of its own.</summary>
    public CommandPipeServer? CommandServer { get; private set; }

    /// <summary>The scene.</summary>
    public PipeScene Scene => scene;

    /// <summary>Puts the reference event-pipe service, and its command pipe, on stage.</summary>
    public void StartEventService(EventPipeServiceSettings? settings = null)
    {
        var service = new EventPipeService(settings, scene.Clock);
        var server = new CommandPipeServer(CommandHandler.For(service), new CommandPipeServerSettings(), scene.Clock);
        Service = service;
        CommandServer = server;
        scene.AddRole("event-pipe service", service.Journal, service.WhenIdleAsync, () => service.IsIdle, service.DisposeAsync);
        scene.AddRole("its command pipe", server.Journal, server.WhenIdleAsync, () => server.IsIdle, server.DisposeAsync);
    }

    /// <summary>Puts the reference command-pipe server on stage.</summary>
    public void StartCommandServer(CommandPipeServerSettings? settings = null)
    {
        var server = new CommandPipeServer(CommandHandler.Standalone, settings, scene.Clock);
        CommandServer = server;
        scene.AddRole("command-pipe server", server.Journal, server.WhenIdleAsync, () => server.IsIdle, server.DisposeAsync);
    }

    /// <summary>The role's journal: the service's when there is one, else the command server's.</summary>
    public PipeJournal Journal => Service?.Journal ?? CommandServer?.Journal ?? throw NotStarted();

    /// <summary>Client <paramref name="number"/> connects to the role's pipe (the event pipe when there is a service).</summary>
    public async Task<FramePeer> ConnectAsync(int number)
    {
        var pipe = scene.NewPipe();
        var peer = scene.Peer($"client {number}", pipe.Client);
        _clients[number] = peer;
        if (Service is { } service)
        {
            service.Attach(pipe.Server);
        }
        else
        {
            (CommandServer ?? throw NotStarted()).Attach(pipe.Server);
        }

        await scene.QuietAsync().ConfigureAwait(false);
        return peer;
    }

    /// <summary>Client <paramref name="number"/>, connected earlier.</summary>
    public FramePeer Client(int number) =>
        _clients.TryGetValue(number, out var client) ? client : throw new InvalidOperationException($"Client {number} has not connected: a step must connect it first.");

    /// <summary>Client <paramref name="number"/> sends <paramref name="message"/>.</summary>
    public async Task SendAsync(int number, PipeMessage message, PayloadKind kind = PayloadKind.Json)
    {
        await Client(number).SendAsync(message, kind, scene.Context.Cancellation).ConfigureAwait(false);
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>Client <paramref name="number"/> sends raw bytes.</summary>
    public async Task SendBytesAsync(int number, byte[] bytes, string what)
    {
        await Client(number).SendBytesAsync(bytes, what, scene.Context.Cancellation).ConfigureAwait(false);
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>Client <paramref name="number"/> sends <paramref name="frame"/> one byte per write, letting the role read each on its own (PM-F04).</summary>
    public async Task SendByteByByteAsync(int number, byte[] frame, TimeSpan apart)
    {
        for (var index = 0; index < frame.Length; index++)
        {
            await SendBytesAsync(number, [frame[index]], $"byte {index + 1} of {frame.Length}").ConfigureAwait(false);
            if (apart > TimeSpan.Zero && index < frame.Length - 1)
            {
                await scene.AdvanceAsync(apart).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The request client <paramref name="number"/> makes (an Echo), the same each time it is asked.</summary>
    public Request RequestOf(int number)
    {
        if (!_requests.TryGetValue(number, out var request))
        {
            request = new Request(Guid.NewGuid(), CommandHandler.Echo, JsonSerializer.SerializeToElement(new Dictionary<string, int> { ["client"] = number }));
            _requests[number] = request;
        }

        return request;
    }

    /// <summary>Client <paramref name="number"/> closes its connection.</summary>
    public async Task CloseAsync(int number)
    {
        await Client(number).DisposeAsync().ConfigureAwait(false);
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>Client <paramref name="number"/> ends its writing, still reading.</summary>
    public async Task EndWritingAsync(int number)
    {
        Client(number).EndWriting();
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// An event labelled <paramref name="label"/> occurs in the service, asked for the way the harness asks a service
    /// under test: a Conformance.EmitEvent request on its command pipe. Returns the service's Response.
    /// </summary>
    public async Task<Response?> EmitAsync(string eventType, string label)
    {
        var server = CommandServer ?? throw NotStarted();
        var pipe = scene.NewPipe();
        var peer = scene.Peer($"emitter {++_commandClients}", pipe.Client);
        server.Attach(pipe.Server);
        await scene.QuietAsync().ConfigureAwait(false);
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["label"] = label });
        await peer.SendAsync(new EmitEventParameters(eventType, payload).ToRequest(Guid.NewGuid()), cancellationToken: scene.Context.Cancellation).ConfigureAwait(false);
        await scene.QuietAsync().ConfigureAwait(false);
        var response = peer.Messages.OfType<Response>().FirstOrDefault();
        if (response is { Status: ResponseStatus.Success, Result: { } result } && result.TryGetProperty("eventId", out var id) && Guid.TryParse(id.GetString(), out var eventId))
        {
            _events[label] = eventId;
        }

        return response;
    }

    /// <summary>The eventId the service gave the event labelled <paramref name="label"/>.</summary>
    public Guid EventId(string label) =>
        _events.TryGetValue(label, out var id) ? id : throw new InvalidOperationException($"No event {label} was emitted: a step must emit it first.");

    /// <summary>The label of an event, from its payload.</summary>
    public static string? LabelOf(Event @event) =>
        @event.Payload.ValueKind == JsonValueKind.Object && @event.Payload.TryGetProperty("label", out var label) ? label.GetString() : null;

    private static InvalidOperationException NotStarted() => new("No reference server is on stage: a Given step must start one.");
}

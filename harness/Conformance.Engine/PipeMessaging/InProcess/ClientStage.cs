using System.Text.Json;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess;

/// <summary>
/// A reference client role under a manual clock — the event-pipe client or the command-pipe client — facing the
/// service or server the scenario scripts. Each connection the client makes is numbered from 1.
/// </summary>
internal sealed class ClientStage(PipeScene scene)
{
    private readonly List<FramePeer> _connections = [];
    private Task<CommandOutcome>? _outcome;
    private Request? _request;

    /// <summary>The reference event-pipe client, when on stage.</summary>
    public EventPipeClient? EventClient { get; private set; }

    /// <summary>The reference command-pipe client, when on stage.</summary>
    public CommandPipeClient? CommandClient { get; private set; }

    /// <summary>The scene.</summary>
    public PipeScene Scene => scene;

    /// <summary>The connections the client made, first first.</summary>
    public IReadOnlyList<FramePeer> Connections => _connections;

    /// <summary>The request the command client sent.</summary>
    public Request Request => _request ?? throw new InvalidOperationException("The client has sent no request: a step must send one.");

    /// <summary>The command client's outcome, once it has one.</summary>
    public CommandOutcome? Outcome => _outcome is { IsCompleted: true } done ? done.Result : null;

    /// <summary>Puts the reference event-pipe client on stage; it connects at once.</summary>
    public async Task StartEventClientAsync(EventPipeClientSettings? settings = null)
    {
        var client = new EventPipeClient(AcceptAsync, settings, scene.Clock);
        EventClient = client;
        scene.AddRole("event-pipe client", client.Journal, client.WhenIdleAsync, () => client.IsIdle, client.DisposeAsync);
        client.Start();
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>Puts the reference command-pipe client on stage.</summary>
    public void StartCommandClient(CommandPipeClientSettings? settings = null)
    {
        var client = new CommandPipeClient(AcceptAsync, settings, scene.Clock);
        CommandClient = client;
        scene.AddRole("command-pipe client", client.Journal, client.WhenIdleAsync, () => client.IsIdle, client.DisposeAsync);
    }

    /// <summary>The command client sends an Echo request.</summary>
    public async Task SendRequestAsync()
    {
        var client = CommandClient ?? throw new InvalidOperationException("No command-pipe client is on stage.");
        _request = new Request(Guid.NewGuid(), CommandHandler.Echo, JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["probe"] = "slow" }));
        _outcome = client.SendAsync(_request, scene.Context.Cancellation);
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>Connection <paramref name="number"/>.</summary>
    public FramePeer Connection(int number) =>
        number >= 1 && number <= _connections.Count ? _connections[number - 1] : throw new InvalidOperationException($"The client has made {_connections.Count} connection(s), not {number}.");

    /// <summary>The latest connection.</summary>
    public FramePeer Latest => _connections.LastOrDefault() ?? throw new InvalidOperationException("The client has not connected.");

    /// <summary>The scripted side sends <paramref name="message"/> on the latest connection.</summary>
    public async Task SendAsync(PipeMessage message, PayloadKind kind = PayloadKind.Json)
    {
        await Latest.SendAsync(message, kind, scene.Context.Cancellation).ConfigureAwait(false);
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>The scripted side sends raw bytes on the latest connection, in writes of <paramref name="pieces"/>, each read on its own.</summary>
    public async Task SendBytesAsync(byte[] bytes, string what, int pieces = 1)
    {
        var size = Math.Max(1, (int)Math.Ceiling(bytes.Length / (double)pieces));
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var length = Math.Min(size, bytes.Length - offset);
            await Latest.SendBytesAsync(bytes.AsMemory(offset, length), pieces == 1 ? what : $"{what}, bytes {offset + 1}–{offset + length}", scene.Context.Cancellation).ConfigureAwait(false);
            await scene.QuietAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The scripted side closes the latest connection.</summary>
    public async Task CloseLatestAsync()
    {
        await Latest.DisposeAsync().ConfigureAwait(false);
        await scene.QuietAsync().ConfigureAwait(false);
    }

    /// <summary>An Event labelled <paramref name="label"/>, with an id of its own.</summary>
    public Event EventLabelled(string eventType, string label)
    {
        if (!_events.TryGetValue(label, out var @event))
        {
            @event = new Event(Guid.NewGuid(), eventType, JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["label"] = label }));
            _events[label] = @event;
        }

        return @event;
    }

    /// <summary>The event labelled <paramref name="label"/>, sent earlier.</summary>
    public Event Labelled(string label) => _events.TryGetValue(label, out var @event) ? @event : throw new InvalidOperationException($"No event {label} was sent.");

    private readonly Dictionary<string, Event> _events = new(StringComparer.Ordinal);

    // The scripted service or server accepts every connection the client makes, as the next numbered one.
    private Task<Stream> AcceptAsync(CancellationToken cancellationToken)
    {
        var pipe = scene.NewPipe();
        _connections.Add(scene.Peer($"connection {_connections.Count + 1}", pipe.Server));
        return Task.FromResult<Stream>(pipe.Client);
    }
}

using System.Globalization;
using System.IO.Pipelines;
using System.Threading.Channels;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Protocols.Threading;
using Conformance.Reference.Dcv;

namespace Conformance.Engine.DcvVirtualChannels.Broker;

/// <summary>
/// A party the harness plays against the reference broker in process, over in-memory pipes: it sends requests as an
/// extension would (or raw bytes, malformed on purpose) and keeps every message the broker sends it, in order, so a
/// judge can say what came before what.
/// </summary>
internal sealed class ControlParty : IAsyncDisposable
{
    /// <summary>The most any single wait on the broker may take.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Pipe _toBroker = new();
    private readonly Pipe _fromBroker = new();
    private readonly ControlFrameWriter<ExtensionMessage> _writer;
    private readonly List<DcvMessage> _received = [];
    private readonly Dictionary<string, TaskCompletionSource<Response>> _waiting = new(StringComparer.Ordinal);
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly ChangeSignal _changed = new();
    private readonly Task _reading;
    private int _nextId;

    private ControlParty(DcvBroker broker, BrokerParty party)
    {
        Name = party.Name;
        _writer = new ControlFrameWriter<ExtensionMessage>(_toBroker.Writer);
        Session = broker.Attach(party, _toBroker.Reader, _fromBroker.Writer);
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>How the broker's journal names this party.</summary>
    public string Name { get; }

    /// <summary>The broker's session with this party.</summary>
    public BrokerSession Session { get; }

    /// <summary>Every message the broker sent this party, in order.</summary>
    public IReadOnlyList<DcvMessage> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>A fault in the broker's own frames to this party, if there was one.</summary>
    public string? ReadFault { get; private set; }

    /// <summary>Completes when the broker has closed the control channel toward this party.</summary>
    public Task Closed => _reading;

    /// <summary>Attaches a party of <paramref name="side"/> whose manifest names <paramref name="namespace"/>.</summary>
    public static ControlParty Attach(DcvBroker broker, string name, GetDcvInfoResponse.Types.DcvRole side, string? @namespace) =>
        new(broker, new BrokerParty(name, side, @namespace, side == GetDcvInfoResponse.Types.DcvRole.Server ? "/opt/conformance/extension.json" : null));

    /// <summary>Sends a request and waits (bounded) for the response carrying its id; null when none came.</summary>
    public async Task<(Request Request, Response? Response)> RequestAsync(Action<Request> fill)
    {
        var request = new Request { RequestId = "req-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) };
        fill(request);
        var answer = new TaskCompletionSource<Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting[request.RequestId] = answer;
        }

        await _writer.WriteAsync(new ExtensionMessage { Request = request }).ConfigureAwait(false);
        try
        {
            return (request, await answer.Task.WaitAsync(Bound).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            return (request, null);
        }
    }

    /// <summary>Sets a channel up naming <paramref name="processId"/> (this process by default) as the relay's client.</summary>
    public async Task<Response?> SetupAsync(string channel, long? processId = null) =>
        (await RequestAsync(request => request.SetupVirtualChannelRequest = new SetupVirtualChannelRequest
        {
            VirtualChannelName = channel,
            RelayClientProcessId = processId ?? Environment.ProcessId,
        }).ConfigureAwait(false)).Response;

    /// <summary>Asks the broker to close a channel.</summary>
    public async Task<Response?> CloseAsync(string channel) =>
        (await RequestAsync(request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = channel }).ConfigureAwait(false)).Response;

    /// <summary>The next event not yet taken, waiting at most <paramref name="bound"/>; null when none came.</summary>
    public async Task<Event?> NextEventAsync(TimeSpan bound)
    {
        try
        {
            return await _events.Reader.ReadAsync().AsTask().WaitAsync(bound).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Waits, at most <paramref name="bound"/>, until what the broker sent satisfies <paramref name="condition"/>.</summary>
    public Task<bool> WaitUntilAsync(Func<IReadOnlyList<DcvMessage>, bool> condition, TimeSpan bound) =>
        _changed.WaitUntilAsync(() => condition(Received), bound);

    /// <summary>Writes bytes as they are, framed or not.</summary>
    public async Task WriteRawAsync(ReadOnlyMemory<byte> bytes) => await _toBroker.Writer.WriteAsync(bytes).ConfigureAwait(false);

    /// <summary>Closes this party's side of the control channel.</summary>
    public async Task CompleteAsync() => await _toBroker.Writer.CompleteAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _toBroker.Writer.CompleteAsync().ConfigureAwait(false);
        await Session.DisposeAsync().ConfigureAwait(false);
        await _reading.WaitAsync(Bound).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        var reader = new ControlFrameReader<DcvMessage>(_fromBroker.Reader);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                if (result.Message is not { } message)
                {
                    ReadFault = result.Description;
                    return;
                }

                TaskCompletionSource<Response>? answer = null;
                lock (_gate)
                {
                    _received.Add(message);
                    if (message.Response is { } response && _waiting.Remove(response.RequestId, out var waiting))
                    {
                        answer = waiting;
                    }
                }

                _changed.Notify();
                if (answer is not null)
                {
                    answer.TrySetResult(message.Response);
                }
                else if (message.Event is { } @event)
                {
                    await _events.Writer.WriteAsync(@event).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _events.Writer.TryComplete();
            await _fromBroker.Reader.CompleteAsync().ConfigureAwait(false);
            await reader.DisposeAsync().ConfigureAwait(false);
        }
    }
}

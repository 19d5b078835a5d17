using System.Globalization;
using System.IO.Pipelines;
using System.Threading.Channels;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Relays;
using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>
/// A party driven by a test over in-memory pipes: it sends requests byte for byte as an extension would (or
/// raw bytes, malformed on purpose), and sorts what the broker sends into responses and events.
/// </summary>
internal sealed class ScriptedParty : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly Pipe _toBroker = new();
    private readonly Pipe _fromBroker = new();
    private readonly ControlFrameWriter<ExtensionMessage> _writer;
    private readonly Channel<Response> _responses = Channel.CreateUnbounded<Response>();
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly Task _reading;
    private int _nextId;

    private ScriptedParty(DcvBroker broker, BrokerParty party)
    {
        _writer = new ControlFrameWriter<ExtensionMessage>(_toBroker.Writer);
        Session = broker.Attach(party, _toBroker.Reader, _fromBroker.Writer);
        _reading = Task.Run(ReadAsync);
    }

    public BrokerSession Session { get; }

    public static ScriptedParty Extension(DcvBroker broker, string name = "extension", string? @namespace = "conformance", string? manifestPath = "/opt/conformance/manifest.json") =>
        new(broker, new BrokerParty(name, GetDcvInfoResponse.Types.DcvRole.Server, @namespace, manifestPath));

    public static ScriptedParty Remote(DcvBroker broker, string @namespace = "conformance") =>
        new(broker, new BrokerParty("remote", GetDcvInfoResponse.Types.DcvRole.Client, @namespace));

    public async Task<Response> RequestAsync(Action<Request> fill)
    {
        var request = new Request { RequestId = "req-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) };
        fill(request);
        await _writer.WriteAsync(new ExtensionMessage { Request = request });
        var response = await _responses.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        Assert.That(response.RequestId, Is.EqualTo(request.RequestId), "VC-02: the response echoes the request id");
        return response;
    }

    public Task<Response> SetupAsync(string name, long? processId = null) =>
        RequestAsync(request => request.SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = name, RelayClientProcessId = processId ?? Environment.ProcessId });

    public Task<Response> CloseAsync(string name) =>
        RequestAsync(request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = name });

    /// <summary>Sets a channel up and opens its relay, token first (VC-04).</summary>
    public async Task<Stream> SetupAndConnectAsync(string name)
    {
        var response = await SetupAsync(name);
        Assert.That(response.Status, Is.EqualTo(Response.Types.Status.Success));
        return await ConnectAsync(response.SetupVirtualChannelResponse);
    }

    public static async Task<Stream> ConnectAsync(SetupVirtualChannelResponse setup, byte[]? token = null)
    {
        var relay = await RelayClient.ConnectAsync(setup.RelayPath).WaitAsync(Bound);
        await relay.WriteAsync(token ?? setup.VirtualChannelAuthToken.ToByteArray());
        await relay.FlushAsync();
        return relay;
    }

    /// <summary>Opens the relay as a party the broker may turn away at once: its token may meet a closed connection.</summary>
    public static async Task<Stream> ConnectExpectingRefusalAsync(SetupVirtualChannelResponse setup)
    {
        var relay = await RelayClient.ConnectAsync(setup.RelayPath).WaitAsync(Bound);
        try
        {
            await relay.WriteAsync(setup.VirtualChannelAuthToken.ToByteArray());
            await relay.FlushAsync();
        }
        catch (IOException)
        {
            // Refused before the token was written: what the caller checks next.
        }

        return relay;
    }

    public async Task<Event> NextEventAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(Bound);

    /// <summary>True when an event has arrived and not been taken.</summary>
    public bool HasEvent => _events.Reader.TryPeek(out _);

    public async Task WriteRawAsync(byte[] bytes)
    {
        await _toBroker.Writer.WriteAsync(bytes);
    }

    public async Task CompleteAsync() => await _toBroker.Writer.CompleteAsync();

    /// <summary>Completes when the broker has closed the control channel toward this party.</summary>
    public Task Closed => _reading;

    public async ValueTask DisposeAsync()
    {
        await _toBroker.Writer.CompleteAsync();
        await Session.DisposeAsync();
        await _reading.WaitAsync(Bound);
        await _writer.DisposeAsync();
    }

    private async Task ReadAsync()
    {
        var reader = new ControlFrameReader<DcvMessage>(_fromBroker.Reader);
        while (true)
        {
            var result = await reader.ReadAsync();
            if (!result.IsMessage)
            {
                Assert.That(result.Error, Is.Null, result.Description);
                _responses.Writer.TryComplete();
                _events.Writer.TryComplete();
                await _fromBroker.Reader.CompleteAsync();
                return;
            }

            if (result.Message!.Response is { } response)
            {
                Assert.That(response.Status, Is.Not.EqualTo(Response.Types.Status.None), "VC-02: a status other than NONE");
                await _responses.Writer.WriteAsync(response);
            }
            else
            {
                await _events.Writer.WriteAsync(result.Message.Event);
            }
        }
    }
}

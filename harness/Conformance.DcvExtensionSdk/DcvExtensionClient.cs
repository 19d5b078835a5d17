using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Relays;
using Conformance.Dcv.Wire;

namespace Conformance.DcvExtensionSdk;

/// <summary>
/// A DCV extension's side of the control channel: requests to DCV with their responses matched by id, the events
/// DCV sends, and virtual channels opened the way DCV requires — set up naming this process (VC-15), relay
/// opened, the token written raw as its first bytes and nothing else until the ready event (VC-04). It never
/// writes to standard error (VC-11).
/// </summary>
public sealed class DcvExtensionClient : IAsyncDisposable
{
    private readonly DcvExtensionClientOptions _options;
    private readonly ControlFrameReader<DcvMessage> _reader;
    private readonly ControlFrameWriter<ExtensionMessage> _writer;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Response>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelSignals> _channels = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private readonly Lock _gate = new();
    private Exception? _ended;
    private long _nextRequestId;

    /// <summary>Creates a client over a control channel: <paramref name="fromDcv"/> carries DCV's frames, <paramref name="toDcv"/> takes the extension's.</summary>
    public DcvExtensionClient(Stream fromDcv, Stream toDcv, DcvExtensionClientOptions? options = null)
        : this(PipeReader.Create(fromDcv ?? throw new ArgumentNullException(nameof(fromDcv))),
               PipeWriter.Create(toDcv ?? throw new ArgumentNullException(nameof(toDcv))), options)
    {
    }

    /// <summary>Creates a client over a control channel given as pipes, which the client completes when disposed.</summary>
    public DcvExtensionClient(PipeReader fromDcv, PipeWriter toDcv, DcvExtensionClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fromDcv);
        ArgumentNullException.ThrowIfNull(toDcv);
        _options = options ?? DcvExtensionClientOptions.Default;
        FromDcv = fromDcv;
        ToDcv = toDcv;
        _reader = new ControlFrameReader<DcvMessage>(fromDcv, _options.ControlFrames);
        _writer = new ControlFrameWriter<ExtensionMessage>(toDcv, _options.ControlFrames);
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>A client on this process's standard input and output, as DCV starts an extension.</summary>
    public static DcvExtensionClient FromStandardStreams(DcvExtensionClientOptions? options = null) =>
        new(Console.OpenStandardInput(), Console.OpenStandardOutput(), options);

    /// <summary>
    /// Completes when DCV closes the control channel (the extension's cue to exit); faults with
    /// <see cref="DcvControlChannelException"/> when DCV sends a frame that breaks the protocol.
    /// </summary>
    public Task Completion => _completion.Task;

    private PipeReader FromDcv { get; }

    private PipeWriter ToDcv { get; }

    /// <summary>Asks DCV who and where it is.</summary>
    /// <exception cref="DcvRequestException">DCV refused.</exception>
    public async Task<GetDcvInfoResponse> GetDcvInfoAsync(CancellationToken cancellationToken = default) =>
        (await RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest(), "GetDcvInfo", cancellationToken).ConfigureAwait(false)).GetDcvInfoResponse;

    /// <summary>Asks DCV where this extension's manifest is.</summary>
    /// <exception cref="DcvRequestException">DCV refused.</exception>
    public async Task<string> GetManifestPathAsync(CancellationToken cancellationToken = default) =>
        (await RequestAsync(request => request.GetManifestRequest = new GetManifestRequest(), "GetManifest", cancellationToken).ConfigureAwait(false)).GetManifestResponse.ManifestPath;

    /// <summary>
    /// Opens a virtual channel: sets it up naming this process as the relay's client (VC-15), opens the relay,
    /// writes the auth token raw as its first bytes and nothing else (VC-04, VC-16), and waits for the ready event.
    /// </summary>
    /// <exception cref="DcvRequestException">DCV refused the setup (too many channels, a reserved namespace, …), or closed the channel before it was ready.</exception>
    /// <exception cref="TimeoutException">No ready event within <see cref="DcvExtensionClientOptions.ReadyTimeout"/>.</exception>
    public async Task<DcvVirtualChannel> OpenVirtualChannelAsync(string name, CancellationToken cancellationToken = default)
    {
        var pending = await BeginOpenVirtualChannelAsync(name, cancellationToken).ConfigureAwait(false);
        return await pending.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of <see cref="OpenVirtualChannelAsync"/>: the setup, and the relay opened with its token
    /// written. The relay is handed out only once the channel is ready, so nothing else can be written early (VC-04).
    /// </summary>
    /// <exception cref="DcvRequestException">DCV refused the setup.</exception>
    public async Task<PendingVirtualChannel> BeginOpenVirtualChannelAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        // Listen for this channel's events before asking, so none can slip past.
        var signals = _channels.AddOrUpdate(name, _ => new ChannelSignals(), (_, _) => new ChannelSignals());
        var setup = await SetupVirtualChannelAsync(name, Environment.ProcessId, cancellationToken).ConfigureAwait(false);
        var relay = await RelayClient.ConnectAsync(setup.RelayPath, cancellationToken).ConfigureAwait(false);
        try
        {
            await relay.WriteAsync(setup.VirtualChannelAuthToken.Memory, cancellationToken).ConfigureAwait(false);
            await relay.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await relay.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PendingVirtualChannel(this, name, relay, signals.Ready.Task, signals.Closed.Task, _options);
    }

    /// <summary>Sets a channel up without opening its relay: for an extension whose relay is opened by another of its processes.</summary>
    /// <param name="name">The channel's name; DCV takes the namespace from the manifest.</param>
    /// <param name="relayClientProcessId">The process that will open the relay (VC-15).</param>
    /// <param name="cancellationToken">Cancels the wait for the response.</param>
    /// <exception cref="DcvRequestException">DCV refused the setup.</exception>
    public async Task<SetupVirtualChannelResponse> SetupVirtualChannelAsync(string name, long relayClientProcessId, CancellationToken cancellationToken = default) =>
        (await RequestAsync(
            request => request.SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = name, RelayClientProcessId = relayClientProcessId },
            $"the setup of {name}", cancellationToken).ConfigureAwait(false)).SetupVirtualChannelResponse;

    /// <summary>Asks DCV to close a channel; the other party receives <c>VirtualChannelClosedEvent</c> (VC-09).</summary>
    /// <exception cref="DcvRequestException">DCV refused (the channel is not this extension's).</exception>
    public async Task CloseVirtualChannelAsync(string name, CancellationToken cancellationToken = default) =>
        await RequestAsync(
            request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = name },
            $"the close of {name}", cancellationToken).ConfigureAwait(false);

    /// <summary>Sends any request and returns DCV's response, whatever its status.</summary>
    /// <exception cref="DcvControlChannelException">The control channel ended first.</exception>
    /// <exception cref="TimeoutException">No response within <see cref="DcvExtensionClientOptions.ResponseTimeout"/>.</exception>
    public async Task<Response> SendAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestId = Interlocked.Increment(ref _nextRequestId).ToString(CultureInfo.InvariantCulture);
        var waiter = new TaskCompletionSource<Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            // Under the gate the reader takes to end, so a request is either failed by that end or refused here,
            // never left waiting out its time-out for a response that cannot come.
            if (_ended is not null)
            {
                throw new DcvControlChannelException("The control channel to DCV has ended.", _ended);
            }

            _pending[request.RequestId] = waiter;
        }

        try
        {
            await _writer.WriteAsync(new ExtensionMessage { Request = request }, cancellationToken).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(_options.ResponseTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw new DcvControlChannelException("The control channel to DCV is closed.", exception);
        }
        finally
        {
            _pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Stops reading and closes this side of the control channel.</summary>
    public async ValueTask DisposeAsync()
    {
        FromDcv.CancelPendingRead();
        try
        {
            await _reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped here.
        }

        await FromDcv.CompleteAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await ToDcv.CompleteAsync().ConfigureAwait(false);
    }

    private async Task<Response> RequestAsync(Action<Request> fill, string what, CancellationToken cancellationToken)
    {
        var request = new Request();
        fill(request);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Status == Response.Types.Status.Success
            ? response
            : throw new DcvRequestException(response.RequestId, response.Status, what);
    }

    private async Task ReadAsync()
    {
        Exception? failure = null;
        var malformed = false;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().ConfigureAwait(false);
                if (result.IsEnd)
                {
                    break;
                }

                if (result.Message is not { } message)
                {
                    failure = new DcvControlChannelException($"DCV sent a malformed control frame: {result.Description}");
                    malformed = true;
                    break;
                }

                Dispatch(message);
            }
        }
        catch (OperationCanceledException)
        {
            failure = new DcvControlChannelException("The client was disposed.");
        }

        var ended = failure ?? new DcvControlChannelException("DCV closed the control channel.");
        lock (_gate)
        {
            _ended = ended;
        }

        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(ended);
        }

        foreach (var signals in _channels.Values)
        {
            signals.Closed.TrySetResult();
        }

        if (malformed)
        {
            _completion.TrySetException(ended);
        }
        else
        {
            _completion.TrySetResult();
        }
    }

    private void Dispatch(DcvMessage message)
    {
        if (message.Response is { } response)
        {
            if (_pending.TryGetValue(response.RequestId, out var waiter))
            {
                waiter.TrySetResult(response);
            }

            return;
        }

        switch (message.Event?.EventCase)
        {
            case Event.EventOneofCase.VirtualChannelReadyEvent:
                _channels.GetOrAdd(message.Event.VirtualChannelReadyEvent.VirtualChannelName, _ => new ChannelSignals()).Ready.TrySetResult();
                break;
            case Event.EventOneofCase.VirtualChannelClosedEvent:
                _channels.GetOrAdd(message.Event.VirtualChannelClosedEvent.VirtualChannelName, _ => new ChannelSignals()).Closed.TrySetResult();
                break;
            default:
                // Streaming-view changes lie outside the virtual-channel scope.
                break;
        }
    }

    private sealed class ChannelSignals
    {
        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

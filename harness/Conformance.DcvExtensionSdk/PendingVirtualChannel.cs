namespace Conformance.DcvExtensionSdk;

/// <summary>
/// A virtual channel set up, its relay opened and its token sent, waiting for DCV's ready event. Its relay is
/// not handed out before then: an extension writes nothing after the token until the channel is ready (VC-04).
/// </summary>
public sealed class PendingVirtualChannel : IAsyncDisposable
{
    private readonly DcvExtensionClient _client;
    private readonly Stream _relay;
    private readonly Task _ready;
    private readonly Task _closed;
    private readonly DcvExtensionClientOptions _options;

    internal PendingVirtualChannel(DcvExtensionClient client, string name, Stream relay, Task ready, Task closed, DcvExtensionClientOptions options)
    {
        _client = client;
        Name = name;
        _relay = relay;
        _ready = ready;
        _closed = closed;
        _options = options;
    }

    /// <summary>The channel's name.</summary>
    public string Name { get; }

    /// <summary>Waits for <c>VirtualChannelReadyEvent</c> and returns the open channel.</summary>
    /// <exception cref="DcvRequestException">DCV closed the channel before it was ready.</exception>
    /// <exception cref="TimeoutException">No ready event within <see cref="DcvExtensionClientOptions.ReadyTimeout"/>; the relay is closed.</exception>
    public async Task<DcvVirtualChannel> WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var first = await Task.WhenAny(_ready, _closed).WaitAsync(_options.ReadyTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (first != _ready)
            {
                throw new DcvRequestException($"DCV closed the virtual channel {Name} before it was ready.");
            }
        }
        catch
        {
            await _relay.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DcvVirtualChannel(_client, Name, _relay, _closed);
    }

    /// <summary>Gives the channel up before it is ready: the relay is closed.</summary>
    public ValueTask DisposeAsync() => _relay.DisposeAsync();
}

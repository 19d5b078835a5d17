namespace Conformance.DcvExtensionSdk;

/// <summary>
/// An open virtual channel: its relay, ready for data both ways, and the signal that it was closed. Obtained from
/// <see cref="DcvExtensionClient.OpenVirtualChannelAsync"/>.
/// </summary>
public sealed class DcvVirtualChannel : IAsyncDisposable
{
    private readonly DcvExtensionClient _client;
    private int _closed;

    internal DcvVirtualChannel(DcvExtensionClient client, string name, Stream relay, Task closedByDcv)
    {
        _client = client;
        Name = name;
        Relay = relay;
        ClosedByDcv = closedByDcv;
    }

    /// <summary>The channel's name, without the namespace (DCV takes that from the manifest).</summary>
    public string Name { get; }

    /// <summary>The relay: what is written here reaches the other party, and what it writes arrives here.</summary>
    public Stream Relay { get; }

    /// <summary>Completes when DCV sends <c>VirtualChannelClosedEvent</c> for this channel: the other party closed it, or its relay ended.</summary>
    public Task ClosedByDcv { get; }

    /// <summary>Asks DCV to close the channel (<c>CloseVirtualChannelRequest</c>), then closes the relay. Does nothing more once closed.</summary>
    /// <exception cref="DcvRequestException">DCV refused the close.</exception>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        try
        {
            // Closed by DCV already: the channel is gone there, so there is nothing to ask.
            if (!ClosedByDcv.IsCompleted)
            {
                await _client.CloseVirtualChannelAsync(Name, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await Relay.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the relay without a request; DCV then closes the channel for both parties.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _closed, 1);
        await Relay.DisposeAsync().ConfigureAwait(false);
    }
}

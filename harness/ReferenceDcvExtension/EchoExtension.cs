using System.Text;
using Conformance.DcvExtensionSdk;

namespace ReferenceDcvExtension;

/// <summary>The reference extension's behaviour over a control channel; it returns when DCV closes the control channel.</summary>
internal static class EchoExtension
{
    public static async Task RunAsync(DcvExtensionClient client, ExtensionArguments arguments)
    {
        // Who and where: the answers are not needed to work, so a refusal is survived (VC-13).
        await TryAsync(() => client.GetDcvInfoAsync());
        await TryAsync(() => client.GetManifestPathAsync());

        // Set up one channel after the other, each without waiting for the other party, then serve each once ready.
        var serving = new List<Task>();
        var open = new List<DcvVirtualChannel>();
        for (var i = 0; i < arguments.Channels; i++)
        {
            PendingVirtualChannel pending;
            try
            {
                pending = await client.BeginOpenVirtualChannelAsync(ExtensionArguments.ChannelName(i));
            }
            catch (Exception exception) when (exception is DcvRequestException or DcvControlChannelException or TimeoutException or IOException)
            {
                // VC-13: a refused setup (a fifth channel, a reserved namespace) is survived; the others go on.
                continue;
            }

            serving.Add(ServeAsync(pending, arguments.Greeting, open));
        }

        // An extension lives as long as DCV keeps its control channel open.
        await client.Completion.ContinueWith(_ => { }, TaskScheduler.Default);
        List<DcvVirtualChannel> left;
        lock (open)
        {
            left = [.. open];
        }

        foreach (var channel in left)
        {
            await channel.DisposeAsync();
        }

        await Task.WhenAll(serving);
    }

    private static async Task ServeAsync(PendingVirtualChannel pending, string? greeting, List<DcvVirtualChannel> open)
    {
        DcvVirtualChannel channel;
        try
        {
            channel = await pending.WaitUntilReadyAsync();
        }
        catch (Exception exception) when (exception is DcvRequestException or TimeoutException or IOException)
        {
            // Never ready (the control channel ended first, or DCV closed it): nothing to serve.
            return;
        }

        lock (open)
        {
            open.Add(channel);
        }

        await (greeting is null ? EchoAsync(channel) : GreetAsync(channel, greeting));
    }

    // Echoes every byte until the other party closes the channel or its relay ends.
    private static async Task EchoAsync(DcvVirtualChannel channel)
    {
        await using (channel)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int read;
                while ((read = await channel.Relay.ReadAsync(buffer)) > 0)
                {
                    await channel.Relay.WriteAsync(buffer.AsMemory(0, read));
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                // The relay ended: the channel is over.
            }
        }
    }

    // Sends the greeting, reads the other party's echo of it, then closes the channel cleanly (VC-09).
    private static async Task GreetAsync(DcvVirtualChannel channel, string greeting)
    {
        var sent = Encoding.UTF8.GetBytes(greeting);
        var echoed = new byte[sent.Length];
        try
        {
            await channel.Relay.WriteAsync(sent);
            await channel.Relay.ReadExactlyAsync(echoed);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The other party closed first; the close below still tidies up.
        }

        await TryAsync(() => channel.CloseAsync());
    }

    private static async Task TryAsync(Func<Task> request)
    {
        try
        {
            await request();
        }
        catch (Exception exception) when (exception is DcvRequestException or DcvControlChannelException or TimeoutException or IOException or ObjectDisposedException)
        {
            // Survived: nothing is written anywhere, since standard output is the control channel and standard error is DCV's to watch.
        }
    }
}

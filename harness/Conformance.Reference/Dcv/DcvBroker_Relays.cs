using System.Net.Sockets;
using Conformance.Dcv.Relays;

namespace Conformance.Reference.Dcv;

/// <summary>The broker's relays: accepting, judging (VC-05, VC-06, VC-10), the ready event (VC-14), and relaying (VC-12).</summary>
public sealed partial class DcvBroker
{
    private async Task AcceptRelayAsync(ChannelEnd end)
    {
        var judging = new List<Task>();
        try
        {
            while (true)
            {
                var connection = await end.Listener.AcceptAsync(end.Stop.Token).ConfigureAwait(false);

                // Each connection is judged on its own, so a silent one cannot hold back the rightful client.
                judging.Add(JudgeRelayAsync(end, connection));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // The relay was admitted (its listener closed) or the channel torn down.
        }

        await Task.WhenAll(judging).ConfigureAwait(false);
    }

    private async Task JudgeRelayAsync(ChannelEnd end, RelayConnection connection)
    {
        RelayVerdict verdict;
        try
        {
            verdict = await RelayAdmission.JudgeAsync(connection, end.Ticket, Options.TokenDeadline, Options.TimeProvider, end.Stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        VirtualChannel? ready = null;
        if (verdict.Admitted)
        {
            lock (_gate)
            {
                if (end.Connection is not null || end.Closed)
                {
                    verdict = new RelayVerdict(RelayRefusal.TokenSpent, verdict.ProcessId, "the relay's client was admitted already; its token is spent (VC-10)");
                }
                else
                {
                    end.Connection = connection;

                    // Stryker disable once Linq : an end not Closed is always in the table (taking a channel out closes its ends, and no setup overwrites another's end), so it is always found
                    var channel = _channels.Values.FirstOrDefault(candidate => candidate.Ends.Contains(end));
                    if (channel is { BothAuthenticated: true, IsReady: false })
                    {
                        channel.IsReady = true;
                        ready = channel;
                    }
                }
            }
        }

        Journal.Add(new RelayJudged(Now, end.Owner.Party.Name, end.Name, verdict));
        if (!verdict.Admitted)
        {
            // VC-05, VC-06: refused means closed having been sent no byte.
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        // Single-use: once its client is in, the relay stops listening and later connects are refused by the kernel.
        await end.Listener.DisposeAsync().ConfigureAwait(false);
        if (ready is not null)
        {
            await ReadyAsync(ready).ConfigureAwait(false);
        }
    }

    // VC-14: both ends connected and authenticated: each party gets the ready event, then bytes flow (VC-12).
    private async Task ReadyAsync(VirtualChannel channel)
    {
        var ends = channel.Ends.ToList();
        foreach (var end in ends)
        {
            // VC-04: the party was to write nothing after its token until now.
            if (end.Connection?.BytesWaiting is > 0 and var early)
            {
                Journal.Add(new RelayBytesBeforeReady(Now, end.Owner.Party.Name, end.Name, early));
            }
        }

        Journal.Add(new ChannelReady(Now, "broker", channel.Key.Name));
        await Task.WhenAll(ends.Select(end => end.Owner.SendAsync(Events.Ready(end.Name)))).ConfigureAwait(false);
        var first = ends[0].Connection!;
        var second = ends[1].Connection!;
        Track(RelayAsync(channel, first.Stream, second.Stream));
    }

    private async Task RelayAsync(VirtualChannel channel, Stream first, Stream second)
    {
        await RelayPump.RunAsync(first, second).ConfigureAwait(false);
        await TeardownAsync(channel, "a relay connection ended").ConfigureAwait(false);
    }
}

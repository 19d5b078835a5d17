using Conformance.Dcv.Relays;

namespace Conformance.Reference.Dcv;

/// <summary>One party's end of a virtual channel: its relay, who may open it and with which token, and the connection once admitted.</summary>
internal sealed class ChannelEnd(BrokerSession owner, string name, RelayTicket ticket, RelayListener listener)
{
    public BrokerSession Owner { get; } = owner;

    public string Name { get; } = name;

    public RelayTicket Ticket { get; } = ticket;

    public RelayListener Listener { get; } = listener;

    public CancellationTokenSource Stop { get; } = new();

    /// <summary>The admitted relay connection; null while the end is pending. Guarded by the broker's lock.</summary>
    public RelayConnection? Connection { get; set; }

    /// <summary>True once the channel was torn down. Guarded by the broker's lock.</summary>
    public bool Closed { get; set; }
}

using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>A virtual channel between one party of each side, keyed by namespace and name; its two ends and its state.</summary>
internal sealed class VirtualChannel((string Namespace, string Name) key)
{
    private readonly ChannelEnd?[] _ends = new ChannelEnd?[2];

    public (string Namespace, string Name) Key { get; } = key;

    /// <summary>True once the ready events were sent. Guarded by the broker's lock.</summary>
    public bool IsReady { get; set; }

    public IEnumerable<ChannelEnd> Ends => _ends.OfType<ChannelEnd>();

    public ChannelEnd? End(GetDcvInfoResponse.Types.DcvRole side) => _ends[(int)side];

    public void SetEnd(GetDcvInfoResponse.Types.DcvRole side, ChannelEnd end) => _ends[(int)side] = end;

    /// <summary>VC-14: both parties set up, and both relays connected and authenticated.</summary>
    public bool BothAuthenticated => _ends.All(end => end?.Connection is not null);
}

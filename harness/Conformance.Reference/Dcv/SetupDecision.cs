using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>How the broker answers one <c>SetupVirtualChannelRequest</c>, and why.</summary>
/// <param name="Status">The response's status: SUCCESS or the error that refuses the setup.</param>
/// <param name="Reason">A sentence naming the rule.</param>
public sealed record SetupDecision(Response.Types.Status Status, string Reason)
{
    /// <summary>True when the channel is set up.</summary>
    public bool IsSuccess => Status == Response.Types.Status.Success;
}

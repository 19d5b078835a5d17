namespace Conformance.Reference.Dcv;

/// <summary>A snapshot of one virtual channel, for judges and tests.</summary>
/// <param name="Namespace">The namespace of the parties' manifests.</param>
/// <param name="Name">The channel's name.</param>
/// <param name="Parties">The parties that set it up, each with whether its relay is connected and authenticated.</param>
/// <param name="IsReady">True once both ends were connected and authenticated and the ready events sent (VC-14).</param>
public sealed record VirtualChannelState(string Namespace, string Name, IReadOnlyList<(string Party, bool Authenticated)> Parties, bool IsReady);

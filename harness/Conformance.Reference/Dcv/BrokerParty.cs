using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>Who is on the other end of a control channel: an extension, or the remote party the broker stands in for.</summary>
/// <param name="Name">How the journal names it.</param>
/// <param name="Side">Which DCV it talks to: the server's or the client's. A channel joins one party of each side.</param>
/// <param name="Namespace">Its virtual channels' namespace, from its manifest (VC-08).</param>
/// <param name="ManifestPath">Its manifest, as <c>GetManifestResponse</c> names it; null when it has none.</param>
public sealed record BrokerParty(string Name, GetDcvInfoResponse.Types.DcvRole Side, string? Namespace, string? ManifestPath = null);

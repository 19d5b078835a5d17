namespace Conformance.Reference.Dcv;

/// <summary>Who may open one end's relay, and the token it must send first (VC-03, VC-05, VC-06).</summary>
/// <param name="ProcessId">The setup's <c>relay_client_process_id</c>.</param>
/// <param name="Token">The auth token the setup response carried.</param>
/// <param name="EarlierTokens">Tokens of the party's earlier setups of the same channel, void now (VC-10).</param>
public sealed record RelayTicket(long ProcessId, ReadOnlyMemory<byte> Token, IReadOnlyCollection<string> EarlierTokens);

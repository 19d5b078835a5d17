namespace Conformance.Reference.Dcv;

/// <summary>What the broker made of one relay connection.</summary>
/// <param name="Refusal">Why it was refused; null when admitted.</param>
/// <param name="ProcessId">The connecting process, when the platform tells.</param>
/// <param name="Description">A sentence saying what arrived and which rule decided.</param>
public sealed record RelayVerdict(RelayRefusal? Refusal, int? ProcessId, string Description)
{
    /// <summary>True when the connection is the channel's end.</summary>
    public bool Admitted => Refusal is null;
}

using Conformance.Protocols.Framing;

namespace Conformance.Reference.PipeMessaging;

/// <summary>What a connection's reader hands its role: a frame, the end of the stream, a framing fault, or a broken transport.</summary>
/// <param name="Read">The frame reader's result; null when the transport itself failed.</param>
/// <param name="Broken">How the transport failed, when it did.</param>
internal sealed record Inbound(FrameReadResult? Read, string? Broken)
{
    /// <summary>The requirement a framing fault breaks, and how a report says it (PM-F02, PM-F05, PM-F06).</summary>
    public (string? Requirement, string Detail) Describe() => Read switch
    {
        null => (null, $"the connection broke: {Broken}"),
        { IsEnd: true } => (null, "the peer closed the connection"),
        { Error: FrameError.TopBitSet } read => ("PM-F02", read.Message!),
        { Error: FrameError.OverLimit } read => ("PM-F02", $"resource limit: {read.Message}"),
        { Error: FrameError.ZeroLength } read => ("PM-F06", read.Message!),
        { Error: FrameError.EndInHeader or FrameError.EndInPayload } read => ("PM-F05", read.Message!),

        // Stryker disable once NullCoalescing : every fault the reader reports has an arm above, so only a whole frame, which has no Message, comes here
        var read => (null, read.Message ?? "a frame"),
    };
}

namespace Conformance.Protocols.Framing;

/// <summary>The 4-byte big-endian length that starts every frame (PM-F01).</summary>
internal static class FrameHeader
{
    /// <summary>Bytes in a header.</summary>
    public const int Size = 4;

    /// <summary>The largest length the protocol allows (PM-F02): the top bit is never set.</summary>
    public const uint MaxLength = int.MaxValue;
}

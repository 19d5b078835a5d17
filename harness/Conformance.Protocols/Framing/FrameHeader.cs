using System.Buffers.Binary;

namespace Conformance.Protocols.Framing;

/// <summary>The 4-byte length that starts every frame (PM-F01 big-endian, VC-01 little-endian).</summary>
internal static class FrameHeader
{
    /// <summary>Bytes in a header.</summary>
    public const int Size = 4;

    /// <summary>The largest length either protocol allows (PM-F02, VC-16): the top bit is never set.</summary>
    public const uint MaxLength = int.MaxValue;

    public static uint Read(ReadOnlySpan<byte> header, FrameFormat format) =>
        format.IsBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(header) : BinaryPrimitives.ReadUInt32LittleEndian(header);

    public static void Write(Span<byte> header, uint length, FrameFormat format)
    {
        if (format.IsBigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(header, length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        }
    }
}

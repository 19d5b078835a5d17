using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Conformance.Protocols.Text;

/// <summary>Where UTF-8 goes wrong: both the line reader and the frame payload check report the first bad byte's offset.</summary>
internal static class Utf8Scan
{
    /// <summary>The offset of the first byte that does not begin or continue a UTF-8 character, or null when every byte does.</summary>
    public static int? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        // Some byte is not UTF-8, so the scan stops at it before the end.
        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}

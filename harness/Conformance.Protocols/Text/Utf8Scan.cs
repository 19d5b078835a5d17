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
        // Stryker disable once Block : without this fast check the loop below finds nothing in valid input either, only more slowly
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        // Stryker disable once Equality : input that reaches this loop holds an invalid byte, so the loop returns before its bound
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }
}

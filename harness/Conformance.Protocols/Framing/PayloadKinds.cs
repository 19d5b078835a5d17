using System.Text;
using Conformance.Protocols.Text;

namespace Conformance.Protocols.Framing;

/// <summary>Tells JSON from XML by the first non-whitespace byte of a payload, after checking it is UTF-8 (PM-F03).</summary>
public static class PayloadKinds
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Detects the kind of <paramref name="payload"/> and decodes its text.</summary>
    public static PayloadDetection Detect(ReadOnlySpan<byte> payload)
    {
        if (Utf8Scan.FirstInvalid(payload) is { } invalid)
        {
            return Fail(null, PayloadError.InvalidUtf8, $"byte {invalid} (0x{payload[invalid]:X2}) is not valid UTF-8", invalid);
        }

        var text = Encoding.UTF8.GetString(payload);

        // JSON and XML agree on what whitespace is: space, tab, LF and CR.
        var first = payload.IndexOfAnyExcept(" \t\n\r"u8);
        if (first < 0)
        {
            return Fail(text, PayloadError.Blank, payload.IsEmpty ? "the payload is empty" : "the payload holds only whitespace", null);
        }

        return payload[first] switch
        {
            (byte)'{' => new PayloadDetection(PayloadKind.Json, text, null, null, null),
            (byte)'<' => new PayloadDetection(PayloadKind.Xml, text, null, null, null),
            _ when payload[first..].StartsWith(Utf8Bom) =>
                Fail(text, PayloadError.UnknownKind, $"byte {first} starts a UTF-8 byte-order mark; a payload begins with {{ or <", first),
            var other => Fail(text, PayloadError.UnknownKind, $"byte {first} is {Describe(other)}; a payload begins with {{ (JSON) or < (XML)", first),
        };
    }

    private static PayloadDetection Fail(string? text, PayloadError error, string message, int? offset) =>
        new(null, text, error, message, offset);

    private static string Describe(byte value) =>
        value is >= 0x21 and < 0x7F ? $"'{(char)value}' (0x{value:X2})" : $"0x{value:X2}";
}

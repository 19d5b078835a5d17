using System.Text;
using Conformance.Protocols.Framing;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>
/// Encodes the five messages in their JSON and XML forms, and decodes either strictly: a payload that
/// is not a message says which member is at fault and why, and members the protocol does not define are
/// listed as information.
/// </summary>
public static class PipeMessageCodec
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The message's JSON form: compact, <c>messageType</c> first, camelCase members.</summary>
    /// <exception cref="ArgumentException">The message breaks the protocol (a payload that is not an object, a Response whose status and members disagree).</exception>
    public static string ToJson(PipeMessage message) => JsonMessageWriter.Write(message);

    /// <summary>The message's XML form: a root element named after the message type, one child element per member.</summary>
    /// <exception cref="ArgumentException">The message breaks the protocol, or holds what XML cannot carry (an array, a member name that is not an XML name).</exception>
    public static string ToXml(PipeMessage message) => XmlMessageWriter.Write(message);

    /// <summary>The message as a frame's payload: its JSON or XML form in UTF-8, without a byte-order mark.</summary>
    public static byte[] Encode(PipeMessage message, PayloadKind kind) => Utf8NoBom.GetBytes(kind switch
    {
        PayloadKind.Json => ToJson(message),
        PayloadKind.Xml => ToXml(message),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a payload kind"),
    });

    /// <summary>Decodes a frame's payload, telling its form by the first non-whitespace byte (PM-F03).</summary>
    public static PipeMessageDecodeResult Decode(ReadOnlySpan<byte> payload)
    {
        var detection = PayloadKinds.Detect(payload);
        return detection switch
        {
            { Kind: PayloadKind.Json } => DecodeJson(detection.Text!),
            { Kind: PayloadKind.Xml } => DecodeXml(detection.Text!),
            { Error: PayloadError.InvalidUtf8 } => PipeMessageDecodeResult.Fail(null, PipeMessageError.InvalidUtf8, null, detection.Message!),
            _ => PipeMessageDecodeResult.Fail(null, PipeMessageError.NotJsonOrXml, null, detection.Message!),
        };
    }

    /// <summary>Decodes the JSON form of a message.</summary>
    public static PipeMessageDecodeResult DecodeJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonMessageReader.Read(json);
    }

    /// <summary>Decodes the XML form of a message.</summary>
    public static PipeMessageDecodeResult DecodeXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return XmlMessageReader.Read(xml);
    }
}

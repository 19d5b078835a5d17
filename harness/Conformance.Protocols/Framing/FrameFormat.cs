namespace Conformance.Protocols.Framing;

/// <summary>
/// The shape of a length-prefixed frame: a 4-byte length in a given byte order, then the payload. The protocols
/// differ only in the byte order and in whether an empty payload is a frame.
/// </summary>
public sealed record FrameFormat
{
    private FrameFormat(string name, bool isBigEndian, bool allowsEmptyPayload)
    {
        Name = name;
        IsBigEndian = isBigEndian;
        AllowsEmptyPayload = allowsEmptyPayload;
    }

    /// <summary>Pipe Messaging's frames (PM-F01): big-endian length, never an empty payload (PM-F06).</summary>
    public static FrameFormat BigEndian32 { get; } = new("BE32", isBigEndian: true, allowsEmptyPayload: false);

    /// <summary>
    /// DCV's control frames (VC-01): little-endian length. A zero length is a frame: it carries the empty encoding
    /// of a protobuf message, which the message layer then judges.
    /// </summary>
    public static FrameFormat LittleEndian32 { get; } = new("LE32", isBigEndian: false, allowsEmptyPayload: true);

    /// <summary>A short name for messages and options: <c>BE32</c> or <c>LE32</c>.</summary>
    public string Name { get; }

    /// <summary>True when the length's most significant byte comes first.</summary>
    public bool IsBigEndian { get; }

    /// <summary>True when a length of 0 is a frame with an empty payload rather than a protocol error.</summary>
    public bool AllowsEmptyPayload { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

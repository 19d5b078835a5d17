namespace Conformance.Protocols.Framing;

/// <summary>Why a frame's payload is neither JSON nor XML (PM-F03).</summary>
public enum PayloadError
{
    /// <summary>The payload's bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The payload holds only whitespace.</summary>
    Blank,

    /// <summary>The first non-whitespace byte is neither <c>{</c> nor <c>&lt;</c>.</summary>
    UnknownKind,
}

namespace Conformance.Protocols.Framing;

/// <summary>The two forms a frame's payload may take (PM-F03).</summary>
public enum PayloadKind
{
    /// <summary>The first non-whitespace byte is <c>{</c>.</summary>
    Json,

    /// <summary>The first non-whitespace byte is <c>&lt;</c>.</summary>
    Xml,
}

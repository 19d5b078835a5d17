namespace Conformance.Protocols.Lines;

/// <summary>What can be wrong with one line of a newline-delimited text stream.</summary>
public enum LineDefect
{
    /// <summary>The stream starts with the UTF-8 byte-order mark (EF BB BF).</summary>
    ByteOrderMark,

    /// <summary>The line ends with CR before its LF.</summary>
    CarriageReturn,

    /// <summary>The line's bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The line is longer than the reader's limit; its bytes beyond an excerpt were skipped.</summary>
    TooLong,

    /// <summary>The stream ended inside the line (no terminating LF).</summary>
    Unterminated,
}

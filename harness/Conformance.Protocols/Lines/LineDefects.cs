namespace Conformance.Protocols.Lines;

/// <summary>A line's defects in words, as the codec sees them.</summary>
public static class LineDefects
{
    /// <summary>"starts with a UTF-8 byte-order mark (EF BB BF)", and so on, one phrase per defect of <paramref name="line"/>.</summary>
    public static IEnumerable<string> Describe(LineReadResult line, long maxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var defect in line.Defects)
        {
            yield return defect switch
            {
                LineDefect.ByteOrderMark => "the stream starts with a UTF-8 byte-order mark (EF BB BF)",
                LineDefect.CarriageReturn => "the line ends with CR LF, not LF alone",
                LineDefect.InvalidUtf8 => $"the line is not valid UTF-8 (byte {line.InvalidUtf8Offset} is not part of a UTF-8 character)",
                LineDefect.TooLong => $"the line is {line.Length} bytes, over the limit of {maxLineBytes}",
                LineDefect.Unterminated => $"the stream ends inside the line, after {line.Length} bytes, with no LF",
                _ => defect.ToString(),
            };
        }
    }
}

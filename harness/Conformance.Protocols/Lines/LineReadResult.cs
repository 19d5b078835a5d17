namespace Conformance.Protocols.Lines;

/// <summary>One line as read from the stream, with everything a judge needs to report it.</summary>
/// <param name="Number">1-based position of the line in the stream.</param>
/// <param name="Length">Bytes in the line, without its LF (and without a BOM or trailing CR).</param>
/// <param name="Bytes">The line's bytes; for a line that is too long, only its first bytes (an excerpt).</param>
/// <param name="Text">The decoded text, or null when the line is too long or not valid UTF-8.</param>
/// <param name="Defects">Every defect found; empty for a clean line.</param>
/// <param name="InvalidUtf8Offset">Offset of the first byte that is not valid UTF-8, when there is one.</param>
public sealed record LineReadResult(
    int Number,
    long Length,
    ReadOnlyMemory<byte> Bytes,
    string? Text,
    IReadOnlyList<LineDefect> Defects,
    int? InvalidUtf8Offset)
{
    /// <summary>True when the line has the given defect.</summary>
    public bool Has(LineDefect defect) => Defects.Contains(defect);

    /// <summary>A short, printable description of the line's bytes for reports: text when it decodes, hex otherwise.</summary>
    public string Excerpt(int maxChars = 200)
    {
        if (Text is not null)
        {
            return Text.Length <= maxChars ? Text : string.Concat(Text.AsSpan(0, maxChars), "…");
        }

        var span = Bytes.Span;
        var shown = Math.Min(span.Length, maxChars / 3);
        var hex = Convert.ToHexString(span[..shown]);
        var spaced = string.Join(' ', Enumerable.Range(0, shown).Select(i => hex.Substring(i * 2, 2)));
        return Length > shown ? spaced + " …" : spaced;
    }
}

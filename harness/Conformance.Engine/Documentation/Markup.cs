using System.Text;

namespace Conformance.Engine.Documentation;

/// <summary>
/// Text made safe for HTML and SVG, in content and in attribute values alike. Transcripts carry whatever a
/// process under test wrote, so characters XML forbids (control characters, lone surrogates) become U+FFFD
/// rather than making an SVG that no parser accepts.
/// </summary>
internal static class Markup
{
    /// <summary><paramref name="text"/> with <c>&amp; &lt; &gt; " '</c> escaped and characters XML forbids replaced.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            switch (character)
            {
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '"':
                    escaped.Append("&quot;");
                    break;
                case '\'':
                    escaped.Append("&#39;");
                    break;
                case '\t' or '\n' or '\r':
                    escaped.Append(character);
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    escaped.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
                    {
                        escaped.Append(character).Append(text[++index]);
                    }
                    else if (char.IsSurrogate(character))
                    {
                        escaped.Append('\uFFFD');
                    }
                    else
                    {
                        escaped.Append(character);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>At most <paramref name="characters"/> of <paramref name="text"/>, an ellipsis marking what was cut.</summary>
    public static string Shorten(string text, int characters)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= characters ? oneLine : oneLine[..Math.Max(1, characters - 1)].TrimEnd() + "…";
    }
}

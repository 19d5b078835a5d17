namespace Conformance.Protocols.PipeMessaging;

/// <summary>The one GUID form the messages use: 8-4-4-4-12 hex digits, either case, no braces, nothing around.</summary>
internal static class CanonicalGuid
{
    /// <summary>The GUID in <paramref name="text"/>, when it has exactly the canonical form.</summary>
    public static Guid? Parse(string text)
    {
        // Guid.TryParseExact alone would also take surrounding whitespace.
        if (text.Length != 36)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var hyphen = i is 8 or 13 or 18 or 23;
            if (hyphen ? text[i] != '-' : !char.IsAsciiHexDigit(text[i]))
            {
                return null;
            }
        }

        return Guid.ParseExact(text, "D");
    }

    /// <summary>The canonical text of <paramref name="value"/>, in lower case.</summary>
    public static string Format(Guid value) => value.ToString("D");
}

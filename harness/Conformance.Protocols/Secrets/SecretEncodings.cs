using System.Net;
using System.Text;
using System.Text.Json;

namespace Conformance.Protocols.Secrets;

/// <summary>The forms a secret commonly takes when it leaks: verbatim, JSON-escaped, URL-encoded and base64.</summary>
internal static class SecretEncodings
{
    private static readonly JsonSerializerOptions MinimalEscaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every distinct form of <paramref name="secret"/> worth searching for, longest first.</summary>
    public static IReadOnlyList<string> Variants(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            return [];
        }

        var utf8 = Encoding.UTF8.GetBytes(secret);
        var variants = new[]
        {
            secret,
            Uri.EscapeDataString(secret),
            WebUtility.UrlEncode(secret),
            Convert.ToBase64String(utf8),
            Convert.ToBase64String(utf8).TrimEnd('='),
            Convert.ToBase64String(utf8).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        return variants.Concat(JsonForms(secret)).Distinct(StringComparer.Ordinal).OrderByDescending(variant => variant.Length).ToList();
    }

    /// <summary>The name of the encoding in which <paramref name="secret"/> appears in <paramref name="text"/>, or null.</summary>
    public static string? FindIn(string text, string secret)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Forms(secret).FirstOrDefault(form => text.Contains(form.Form, StringComparison.Ordinal)).Name;
    }

    /// <summary>The name of the encoding <paramref name="form"/> is of <paramref name="secret"/> ("verbatim", "base64", …), or null.</summary>
    public static string? NameOf(string secret, string form) =>
        Forms(secret).FirstOrDefault(candidate => string.Equals(candidate.Form, form, StringComparison.Ordinal)).Name;

    private static IEnumerable<(string Name, string Form)> Forms(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            yield break;
        }

        yield return ("verbatim", secret);
        foreach (var form in JsonForms(secret))
        {
            yield return ("JSON-escaped", form);
        }

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return ("URL-encoded", Uri.EscapeDataString(secret));
        yield return ("URL-encoded", WebUtility.UrlEncode(secret));
        yield return ("base64", base64);
        yield return ("base64", base64.TrimEnd('='));
        yield return ("base64url", base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>The secret inside a JSON string as common writers escape it: minimally, or with every non-ASCII character as \uXXXX.</summary>
    private static IEnumerable<string> JsonForms(string secret)
    {
        yield return JsonSerializer.Serialize(secret, MinimalEscaping)[1..^1];
        yield return JsonSerializer.Serialize(secret)[1..^1];
        yield return AsciiEscaped(secret, "x4");
        yield return AsciiEscaped(secret, "X4");
    }

    private static string AsciiEscaped(string secret, string hex)
    {
        var escaped = new StringBuilder();
        foreach (var character in secret)
        {
            escaped.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when character < 0x20 || character > 0x7E => "\\u" + ((int)character).ToString(hex, System.Globalization.CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return escaped.ToString();
    }
}

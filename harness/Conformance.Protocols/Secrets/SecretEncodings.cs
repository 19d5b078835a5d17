using System.Net;
using System.Text;
using System.Text.Json;

namespace Conformance.Protocols.Secrets;

/// <summary>The forms a secret commonly takes when it leaks: verbatim, JSON-escaped, URL-encoded and base64.</summary>
public static class SecretEncodings
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
        if (secret.Length == 0)
        {
            return null;
        }

        if (text.Contains(secret, StringComparison.Ordinal))
        {
            return "verbatim";
        }

        var utf8 = Encoding.UTF8.GetBytes(secret);
        var base64 = Convert.ToBase64String(utf8).TrimEnd('=');
        var candidates = JsonForms(secret).Select(form => (Name: "JSON-escaped", Form: form)).Concat(new (string Name, string Form)[]
        {
            ("URL-encoded", Uri.EscapeDataString(secret)),
            ("URL-encoded", WebUtility.UrlEncode(secret)),
            ("base64", base64),
            ("base64url", base64.Replace('+', '-').Replace('/', '_')),
        });
        return candidates.FirstOrDefault(candidate => text.Contains(candidate.Form, StringComparison.Ordinal)).Name;
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

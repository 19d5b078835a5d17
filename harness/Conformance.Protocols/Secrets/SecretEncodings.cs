using System.Net;
using System.Text;
using System.Text.Json;

namespace Conformance.Protocols.Secrets;

/// <summary>The forms a secret commonly takes when it leaks: verbatim, JSON-escaped, URL-encoded and base64.</summary>
public static class SecretEncodings
{
    /// <summary>Every distinct form of <paramref name="secret"/> worth searching for, longest first.</summary>
    public static IReadOnlyList<string> Variants(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            return [];
        }

        var utf8 = Encoding.UTF8.GetBytes(secret);
        var json = JsonSerializer.Serialize(secret)[1..^1];
        var variants = new[]
        {
            secret,
            json,
            Uri.EscapeDataString(secret),
            WebUtility.UrlEncode(secret),
            Convert.ToBase64String(utf8),
            Convert.ToBase64String(utf8).TrimEnd('='),
            Convert.ToBase64String(utf8).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        return variants.Distinct(StringComparer.Ordinal).OrderByDescending(variant => variant.Length).ToList();
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
        var candidates = new (string Name, string Form)[]
        {
            ("JSON-escaped", JsonSerializer.Serialize(secret)[1..^1]),
            ("URL-encoded", Uri.EscapeDataString(secret)),
            ("URL-encoded", WebUtility.UrlEncode(secret)),
            ("base64", base64),
            ("base64url", base64.Replace('+', '-').Replace('/', '_')),
        };
        return candidates.FirstOrDefault(candidate => text.Contains(candidate.Form, StringComparison.Ordinal)).Name;
    }
}

namespace Conformance.Protocols.Secrets;

/// <summary>Replaces every form of a set of secrets with <c>***</c> before text reaches a log or report.</summary>
internal sealed class SecretMask
{
    /// <summary>What a masked secret reads as.</summary>
    public const string Mask = "***";

    private readonly IReadOnlyList<string> _forms;

    /// <summary>Masks <paramref name="secrets"/> and their common encodings; empty secrets are ignored.</summary>
    public SecretMask(IEnumerable<string> secrets)
    {
        _forms = secrets
            .SelectMany(secret => SecretEncodings.Variants(secret).Append(SpacedHex(secret)))
            .Where(form => form.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(form => form.Length)
            .ToList();
    }

    /// <summary>
    /// The secret's UTF-8 bytes as a line excerpt shows bytes that are not text ("7B 22 41"), so that a line
    /// that is not valid UTF-8 cannot carry a secret into a report either.
    /// </summary>
    private static string SpacedHex(string secret) =>
        secret.Length == 0 ? "" : string.Join(' ', System.Text.Encoding.UTF8.GetBytes(secret).Select(value => value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A mask that changes nothing.</summary>
    public static SecretMask None { get; } = new([]);

    /// <summary><paramref name="text"/> with every known secret form replaced.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var form in _forms)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}

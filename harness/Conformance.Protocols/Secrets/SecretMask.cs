namespace Conformance.Protocols.Secrets;

/// <summary>Replaces every form of a set of secrets with <c>***</c> before text reaches a log or report.</summary>
public sealed class SecretMask
{
    /// <summary>What a masked secret reads as.</summary>
    public const string Mask = "***";

    private readonly IReadOnlyList<string> _forms;

    /// <summary>Masks <paramref name="secrets"/> and their common encodings; empty secrets are ignored.</summary>
    public SecretMask(IEnumerable<string> secrets)
    {
        _forms = secrets
            .SelectMany(SecretEncodings.Variants)
            .Where(form => form.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(form => form.Length)
            .ToList();
    }

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

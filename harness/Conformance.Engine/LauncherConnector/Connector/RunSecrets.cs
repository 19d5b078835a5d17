using System.Security.Cryptography;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The run's password and secure-field value: random, 24 characters, with characters that JSON, URL and
/// base64 encode differently, so a leak in any common encoding can be told from chance.
/// </summary>
internal sealed record RunSecrets(string Password, string Pin)
{
    private const string AlphaNumeric = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const string Alphabet = AlphaNumeric + "+/=&%!~";

    /// <summary>Two fresh secrets.</summary>
    public static RunSecrets Generate() => new(Random(), Random());

    /// <inheritdoc />
    public override string ToString() => "RunSecrets { *** }";

    private static string Random()
    {
        // Letters and digits at both ends, so the secret survives trimming and is never mistaken for a fragment.
        var middle = RandomNumberGenerator.GetString(Alphabet, 22);
        return RandomNumberGenerator.GetString(AlphaNumeric, 1) + middle + RandomNumberGenerator.GetString(AlphaNumeric, 1);
    }
}

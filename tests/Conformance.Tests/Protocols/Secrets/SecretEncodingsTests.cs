using System.Text;
using Conformance.Protocols.Secrets;

namespace Conformance.Tests.Protocols.Secrets;

public class SecretEncodingsTests
{
    private const string Secret = "Pa$$ w0rd/+=\"é";

    [Test]
    public void Finds_a_secret_verbatim()
    {
        Assert.That(SecretEncodings.FindIn($"login {Secret} ok", Secret), Is.EqualTo("verbatim"));
    }

    [Test]
    public void Finds_a_secret_JSON_escaped()
    {
        Assert.That(SecretEncodings.FindIn("{\"p\":\"Pa$$ w0rd/+=\\\"é\"}", Secret), Is.EqualTo("JSON-escaped"));
    }

    [Test]
    public void Finds_a_secret_URL_encoded()
    {
        Assert.That(SecretEncodings.FindIn("?p=" + Uri.EscapeDataString(Secret), Secret), Is.EqualTo("URL-encoded"));
        Assert.That(SecretEncodings.FindIn("?p=" + System.Net.WebUtility.UrlEncode(Secret), Secret), Is.EqualTo("URL-encoded"));
    }

    [Test]
    public void Finds_a_secret_in_base64_with_or_without_padding()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));

        Assert.That(SecretEncodings.FindIn("Authorization: Basic " + base64, Secret), Is.EqualTo("base64"));
        Assert.That(SecretEncodings.FindIn(base64.TrimEnd('='), Secret), Is.EqualTo("base64"));
    }

    [Test]
    public void Finds_nothing_in_text_without_the_secret()
    {
        Assert.That(SecretEncodings.FindIn("nothing to see", Secret), Is.Null);
    }

    [Test]
    public void Masks_every_form_of_every_secret()
    {
        var mask = new SecretMask([Secret, "1234"]);
        var text = $"{Secret} {Uri.EscapeDataString(Secret)} {Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret))} pin 1234";

        Assert.That(mask.Apply(text), Is.EqualTo("*** *** *** pin ***"));
    }

    [Test]
    public void Masks_a_secret_in_the_hex_excerpt_of_a_line_that_is_not_text()
    {
        var line = new Conformance.Protocols.Lines.LineReadResult(1, 8, Encoding.UTF8.GetBytes("pw=ab12").Append((byte)0xFF).ToArray(), null, [], 7);

        Assert.That(new SecretMask(["ab12"]).Apply(line.Excerpt()), Is.EqualTo("70 77 3D *** FF"));
    }
}

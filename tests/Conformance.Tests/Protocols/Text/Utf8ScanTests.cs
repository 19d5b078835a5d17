using System.Text;
using Conformance.Protocols.Text;

namespace Conformance.Tests.Protocols.Text;

public class Utf8ScanTests
{
    [TestCase("")]
    [TestCase("plain")]
    [TestCase("é ü € 𝄞")]
    public void Finds_nothing_wrong_in_valid_UTF8(string text)
    {
        Assert.That(Utf8Scan.FirstInvalid(Encoding.UTF8.GetBytes(text)), Is.Null);
    }

    [TestCase(new byte[] { 0xFF }, 0)]
    [TestCase(new byte[] { (byte)'a', (byte)'b', 0xC0, 0x80 }, 2)]
    [TestCase(new byte[] { 0xC3, 0xA9, (byte)'x', 0xE2, 0x82 }, 3)]
    [TestCase(new byte[] { 0xF0, 0x9D, 0x84, 0x9E, 0x80 }, 4)]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, 0)]
    public void Gives_the_offset_of_the_first_byte_that_is_not_UTF8(byte[] bytes, int offset)
    {
        Assert.That(Utf8Scan.FirstInvalid(bytes), Is.EqualTo(offset));
    }
}

using System.Text;
using Conformance.Protocols.Lines;

namespace Conformance.Tests.Protocols.Lines;

public class LineReadResultTests
{
    private static LineReadResult Text(string text) => new(1, text.Length, Encoding.UTF8.GetBytes(text), text, [], null);

    private static LineReadResult Undecoded(byte[] bytes, long length) => new(1, length, bytes, null, [LineDefect.InvalidUtf8], 0);

    [Test]
    public void Shows_decoded_text_whole_up_to_the_limit_and_cut_with_an_ellipsis_beyond()
    {
        Assert.That(Text("abc").Excerpt(3), Is.EqualTo("abc"));
        Assert.That(Text("abcd").Excerpt(3), Is.EqualTo("abc…"));
    }

    [Test]
    public void Shows_bytes_that_do_not_decode_as_spaced_hex_a_third_of_the_limit_of_them()
    {
        Assert.That(Undecoded([0xFF, 0xFE], 2).Excerpt(), Is.EqualTo("FF FE"));
        Assert.That(Undecoded([.. Enumerable.Range(0, 20).Select(i => (byte)(0xE0 + i % 8))], 20).Excerpt(12), Is.EqualTo("E0 E1 E2 E3 …"));
    }

    [Test]
    public void Marks_hex_as_cut_when_the_line_was_longer_than_its_bytes_kept()
    {
        Assert.That(Undecoded([0xFF, 0xFE], 5000).Excerpt(), Is.EqualTo("FF FE …"));
    }
}

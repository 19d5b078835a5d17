using Conformance.Protocols.Lines;

namespace Conformance.Tests.Protocols.Lines;

public class LineDefectsTests
{
    [Test]
    public void Describes_each_defect_of_a_line_in_words_with_its_figures()
    {
        var line = new LineReadResult(1, 12, new byte[12], null,
            [LineDefect.ByteOrderMark, LineDefect.CarriageReturn, LineDefect.InvalidUtf8, LineDefect.TooLong, LineDefect.Unterminated], 7);

        Assert.That(LineDefects.Describe(line, 10), Is.EqualTo(new[]
        {
            "the stream starts with a UTF-8 byte-order mark (EF BB BF)",
            "the line ends with CR LF, not LF alone",
            "the line is not valid UTF-8 (byte 7 is not part of a UTF-8 character)",
            "the line is 12 bytes, over the limit of 10",
            "the stream ends inside the line, after 12 bytes, with no LF",
        }));
    }

    [Test]
    public void Refuses_a_missing_line() =>
        Assert.That(() => LineDefects.Describe(null!, 10).ToList(), Throws.ArgumentNullException);
}

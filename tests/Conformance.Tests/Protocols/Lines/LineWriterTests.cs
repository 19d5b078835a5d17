using System.Text;
using Conformance.Protocols.Lines;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.Lines;

public class LineWriterTests
{
    [Test]
    public async Task Writes_each_line_in_UTF_8_with_one_LF_and_flushes_it()
    {
        var stream = new FlushCountingStream();
        using var writer = new LineWriter(stream);

        await writer.WriteLineAsync("{\"é\":1}");
        await writer.WriteLineAsync("{}");

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo("{\"é\":1}\n{}\n"));
        Assert.That(stream.Flushes, Is.EqualTo(2));
    }

    [Test]
    public void Refuses_a_missing_stream_or_line_and_a_line_that_holds_a_line_feed()
    {
        Assert.That(() => new LineWriter(null!), Throws.ArgumentNullException);
        using var writer = new LineWriter(new MemoryStream());
        Assert.That(async () => await writer.WriteLineAsync(null!), Throws.ArgumentNullException);
        Assert.That(async () => await writer.WriteLineAsync("{}\n{}"), Throws.ArgumentException.With.Message.Contains("line feed"));
    }
}

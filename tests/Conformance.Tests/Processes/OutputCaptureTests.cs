using System.Text;
using Conformance.Processes;
using Conformance.Tests.Support;

namespace Conformance.Tests.Processes;

public class OutputCaptureTests
{
    [Test]
    public async Task Finds_a_watched_string_split_across_reads()
    {
        var capture = new OutputCapture(new OneBytePerReadStream(Encoding.UTF8.GetBytes("log: connecting with Hunter2-Secret now")), ["Hunter2-Secret"]);

        await capture.Completion;

        Assert.That(capture.Found, Is.EqualTo(new[] { "Hunter2-Secret" }));
    }

    [Test]
    public async Task Keeps_the_head_counts_the_rest_and_still_searches_all_of_it()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', OutputCapture.KeptBytes + 10_000) + "late-secret");
        var capture = new OutputCapture(new MemoryStream(bytes), ["late-secret"]);

        await capture.Completion;

        Assert.That(capture.TotalBytes, Is.EqualTo(bytes.Length));
        Assert.That(capture.Text, Does.EndWith("more bytes not kept)"));
        Assert.That(capture.Found, Does.Contain("late-secret"));
    }
}

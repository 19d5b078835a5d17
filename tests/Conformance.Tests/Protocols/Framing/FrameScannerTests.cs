using System.IO.Pipelines;
using Conformance.Protocols.Framing;

namespace Conformance.Tests.Protocols.Framing;

public class FrameScannerTests
{
    [Test]
    public async Task Gives_the_same_fault_again_without_reading_the_frames_after_it()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync((byte[])[.. Frames.Header(0), .. Frames.Of("{}")]);
        var scanner = new FrameScanner(pipe.Reader, FrameOptions.Default);
        var decoded = 0;

        var first = await scanner.ReadAsync(_ => ++decoded, CancellationToken.None);
        var second = await scanner.ReadAsync(_ => ++decoded, CancellationToken.None);

        Assert.That(first.IsFrame || second.IsFrame, Is.False);
        Assert.That(second.Fault, Is.SameAs(first.Fault));
        Assert.That(decoded, Is.Zero, "the good frame after the fault is never decoded");
    }
}

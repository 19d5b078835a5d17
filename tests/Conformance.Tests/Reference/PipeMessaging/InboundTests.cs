using Conformance.Protocols.Framing;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class InboundTests
{
    [Test]
    public async Task A_frame_is_described_as_a_frame()
    {
        await using var reader = FrameReader.FromStream(new MemoryStream(FrameWriter.Encode("{}"u8)));
        var frame = await reader.ReadAsync();

        Assert.That(new Inbound(frame, null).Describe(), Is.EqualTo(((string?)null, "a frame")));
    }

    // Each framing fault names the rule it breaks; the end of the stream and a broken transport name none.
    [TestCase(new byte[] { 0x80, 0, 0, 1, 0x7B }, "PM-F02", "")]
    [TestCase(new byte[] { 0x01, 0, 0, 1, 0x7B }, "PM-F02", "resource limit: ")]
    [TestCase(new byte[] { 0, 0, 0, 0 }, "PM-F06", "")]
    [TestCase(new byte[] { 0, 0 }, "PM-F05", "")]
    [TestCase(new byte[] { 0, 0, 0, 5, 0x7B }, "PM-F05", "")]
    [TestCase(new byte[0], null, "the peer closed the connection")]
    public async Task A_framing_fault_is_described_by_the_rule_it_breaks(byte[] bytes, string? requirement, string detailStart)
    {
        await using var reader = FrameReader.FromStream(new MemoryStream(bytes));
        var read = await reader.ReadAsync();

        var (described, detail) = new Inbound(read, null).Describe();

        Assert.That(described, Is.EqualTo(requirement));
        Assert.That(detail, Does.StartWith(detailStart));
        if (read.Message is { } message)
        {
            Assert.That(detail, Does.EndWith(message));
        }
    }

    [Test]
    public void A_broken_transport_is_described_with_its_reason_and_no_rule()
    {
        Assert.That(new Inbound(null, "pipe gone").Describe(), Is.EqualTo(((string?)null, "the connection broke: pipe gone")));
    }
}

using Conformance.Protocols.Framing;

namespace Conformance.Tests.Protocols.Framing;

public class FrameOptionsTests
{
    [Test]
    public void Defaults_to_a_16_MiB_payload_limit()
    {
        Assert.That(FrameOptions.Default.MaxPayloadBytes, Is.EqualTo(16 * 1024 * 1024));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Refuses_a_limit_below_one_byte(int limit)
    {
        Assert.That(() => new FrameOptions { MaxPayloadBytes = limit }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Refuses_a_limit_no_array_could_hold()
    {
        Assert.That(() => new FrameOptions { MaxPayloadBytes = int.MaxValue }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}

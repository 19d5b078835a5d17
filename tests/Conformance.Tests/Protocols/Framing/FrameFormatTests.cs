using System.Text;
using Conformance.Protocols.Framing;

namespace Conformance.Tests.Protocols.Framing;

/// <summary>The one frame reader and writer serve both byte orders; LE32 (VC-01) takes an empty payload as a frame.</summary>
public class FrameFormatTests
{
    private static readonly FrameOptions Le32 = new() { Format = FrameFormat.LittleEndian32 };

    [Test]
    public void Writes_the_length_in_the_format_s_byte_order()
    {
        Assert.That(FrameWriter.Encode("abc"u8), Is.EqualTo(new byte[] { 0, 0, 0, 3, 97, 98, 99 }));
        Assert.That(FrameWriter.Encode("abc"u8, Le32), Is.EqualTo(new byte[] { 3, 0, 0, 0, 97, 98, 99 }));
    }

    [Test]
    public async Task Reads_little_endian_frames_split_one_byte_at_a_time()
    {
        var stream = new[] { "first", "second" }.SelectMany(text => FrameWriter.Encode(Encoding.UTF8.GetBytes(text), Le32)).ToArray();
        await using var reader = Frames.Reader(stream, Le32, 1);

        var results = await Frames.ReadAllAsync(reader);

        Assert.That(Frames.Texts(results), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(results[^1].IsEnd);
    }

    [Test]
    public async Task Takes_a_zero_length_as_an_empty_frame_in_LE32_and_as_a_fault_in_BE32()
    {
        byte[] stream = [0, 0, 0, 0, .. FrameWriter.Encode("x"u8, Le32)];
        await using var le32 = Frames.Reader(stream, Le32);
        await using var be32 = Frames.Reader(stream);

        var results = await Frames.ReadAllAsync(le32);

        Assert.That(results.Select(result => (result.IsFrame, result.Payload.Length, result.BytesReceived)),
            Is.EqualTo(new[] { (true, 0, 4L), (true, 1, 5L), (false, 0, 0L) }));
        Assert.That((await be32.ReadAsync()).Error, Is.EqualTo(FrameError.ZeroLength));
        Assert.That(FrameWriter.Encode([], Le32), Is.EqualTo(new byte[4]));
    }

    [Test]
    public async Task Judges_a_little_endian_header_by_its_value_not_its_first_byte()
    {
        // 0x80 first is harmless in LE32 (a length of 128); 0x80 last sets the top bit.
        await using var small = Frames.Reader([0x80, 0, 0, 0], Le32);
        await using var huge = Frames.Reader([0, 0, 0, 0x80], Le32);

        Assert.That((await small.ReadAsync()).Error, Is.EqualTo(FrameError.EndInPayload));
        var fault = await huge.ReadAsync();
        Assert.That(fault.Error, Is.EqualTo(FrameError.TopBitSet));
        Assert.That(fault.Message, Is.EqualTo("frame 1 at byte 0: the length header 0x80000000 has its top bit set; a length is at most 2,147,483,647 (0x7FFFFFFF)"));
    }
}

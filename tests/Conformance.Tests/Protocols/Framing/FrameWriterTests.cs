using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Conformance.Protocols.Framing;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.Framing;

public class FrameWriterTests
{
    [Test]
    public async Task Writes_the_length_big_endian_then_exactly_the_payload()
    {
        var stream = new MemoryStream();
        var payload = Enumerable.Repeat((byte)'x', 0x0102).ToArray();

        await using (var writer = FrameWriter.ToStream(stream))
        {
            await writer.WriteAsync(payload);
        }

        Assert.That(stream.ToArray()[..4], Is.EqualTo(new byte[] { 0x00, 0x00, 0x01, 0x02 }));
        Assert.That(stream.ToArray()[4..], Is.EqualTo(payload));
    }

    [TestCase(256 * 1024, 1, Description = "up to 256 KiB: copied behind its header, one write")]
    [TestCase(256 * 1024 + 1, 2, Description = "larger: the header, then the payload as it is")]
    public async Task Writes_a_stream_frame_as_Encode_gives_it_in_as_few_writes_as_its_size_allows(int size, int writes)
    {
        var stream = new CountingStream();
        var payload = new byte[size];
        Random.Shared.NextBytes(payload);
        await using var writer = FrameWriter.ToStream(stream);

        await writer.WriteAsync(payload);

        Assert.That(stream.ToArray(), Is.EqualTo(FrameWriter.Encode(payload)));
        Assert.That(stream.Writes, Is.EqualTo(writes));
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }

    [Test]
    public async Task Flushes_each_frame_as_it_is_written()
    {
        var stream = new MemoryStream();
        await using var writer = FrameWriter.ToStream(stream);

        await writer.WriteAsync("{}"u8.ToArray());

        Assert.That(stream.ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 2, (byte)'{', (byte)'}' }));
    }

    [Test]
    public async Task Writes_what_Encode_returns()
    {
        var stream = new MemoryStream();
        await using var writer = FrameWriter.ToStream(stream);

        await writer.WriteAsync("<Handshake/>"u8.ToArray());

        Assert.That(stream.ToArray(), Is.EqualTo(FrameWriter.Encode("<Handshake/>"u8)));
    }

    [Test]
    public async Task Refuses_an_empty_payload_and_writes_nothing()
    {
        var stream = new MemoryStream();
        await using var writer = FrameWriter.ToStream(stream);

        Assert.That(async () => await writer.WriteAsync(ReadOnlyMemory<byte>.Empty), Throws.ArgumentException.With.Message.Contains("PM-F06"));
        Assert.That(() => FrameWriter.Encode([]), Throws.ArgumentException);
        Assert.That(stream.Length, Is.Zero);
    }

    [Test]
    public async Task Refuses_a_payload_above_the_limit_naming_both_and_writes_nothing()
    {
        var stream = new MemoryStream();
        var options = new FrameOptions { MaxPayloadBytes = 10 };
        await using var writer = FrameWriter.ToStream(stream, options);

        Assert.That(async () => await writer.WriteAsync(new byte[11]), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => FrameWriter.Encode(new byte[11], options),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.StartsWith("A payload of 11 bytes is above the limit of 10."));
        await writer.WriteAsync(new byte[10]);
        Assert.That(stream.Length, Is.EqualTo(14));
    }

    [Test]
    public async Task Never_interleaves_frames_written_from_several_tasks()
    {
        var stream = new MemoryStream();
        await using (var writer = FrameWriter.ToStream(stream))
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(n =>
                Task.Run(async () => await writer.WriteAsync(Enumerable.Repeat((byte)('A' + n), 10_000 + n).ToArray()))));
        }

        stream.Position = 0;
        await using var reader = FrameReader.FromStream(stream);
        var results = await Frames.ReadAllAsync(reader);

        Assert.That(results[^1].IsEnd);
        var payloads = Frames.Texts(results).ToList();
        Assert.That(payloads, Has.Count.EqualTo(20));
        Assert.That(payloads.All(text => text.Distinct().Count() == 1 && text.Length == 10_000 + (text[0] - 'A')));
    }

    [Test]
    public async Task Says_why_a_frame_to_a_reader_that_has_stopped_was_not_delivered()
    {
        var pipe = new Pipe();
        await pipe.Reader.CompleteAsync();
        var writer = new FrameWriter(pipe.Writer);

        Assert.That(async () => await writer.WriteAsync(Encoding.UTF8.GetBytes("{}")),
            Throws.InstanceOf<IOException>().With.Message.EqualTo("The reading side of the pipe has stopped; the frame was not delivered."));
    }

    [Test]
    public void Refuses_a_missing_pipe_or_stream()
    {
        Assert.That(() => new FrameWriter(null!), Throws.ArgumentNullException);
        Assert.That(() => FrameWriter.ToStream(null!), Throws.ArgumentNullException);
    }

    [TestCase(2)]
    [TestCase(300 * 1024)]
    public async Task Flushes_the_stream_after_every_frame_small_or_large(int size)
    {
        var stream = new FlushCountingStream();
        await using var writer = FrameWriter.ToStream(stream);

        await writer.WriteAsync(new byte[size]);
        await writer.WriteAsync(new byte[size]);

        Assert.That(stream.Flushes, Is.EqualTo(2));
    }

    [Test]
    public async Task Writes_the_format_its_options_name_over_a_pipe()
    {
        var pipe = new Pipe();
        await using var writer = new FrameWriter(pipe.Writer, new FrameOptions { Format = FrameFormat.LittleEndian32 });

        await writer.WriteAsync("{}"u8.ToArray());
        var read = await pipe.Reader.ReadAsync();

        Assert.That(read.Buffer.ToArray(), Is.EqualTo(new byte[] { 2, 0, 0, 0, (byte)'{', (byte)'}' }));
    }

    [Test]
    public async Task Leaves_a_callers_pipe_writer_open_when_disposed()
    {
        var pipe = new Pipe();
        var writer = new FrameWriter(pipe.Writer);
        await writer.DisposeAsync();

        Assert.That(async () => await pipe.Writer.WriteAsync(new byte[] { 1 }), Throws.Nothing, "the pipe writer is the caller's to complete");
    }

    [Test]
    public async Task Says_that_a_cancelled_flush_delivered_no_frame()
    {
        var pipe = new Pipe();
        var writer = new FrameWriter(pipe.Writer);
        pipe.Writer.CancelPendingFlush();

        Assert.That(async () => await writer.WriteAsync(Encoding.UTF8.GetBytes("{}")),
            Throws.InstanceOf<OperationCanceledException>().With.Message.EqualTo("The frame's flush was cancelled."));
    }

    [Test]
    public async Task Refuses_to_write_once_disposed()
    {
        var writer = FrameWriter.ToStream(new MemoryStream());
        await writer.DisposeAsync();

        Assert.That(async () => await writer.WriteAsync(Encoding.UTF8.GetBytes("{}")), Throws.InstanceOf<ObjectDisposedException>());
    }
}

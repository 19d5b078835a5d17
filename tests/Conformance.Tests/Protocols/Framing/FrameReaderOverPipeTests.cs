using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Conformance.Protocols.Framing;

namespace Conformance.Tests.Protocols.Framing;

/// <summary>A frame reader over a caller's pipe: what it leaves in the pipe, what it counts, and that it never holds the writer back.</summary>
public class FrameReaderOverPipeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // The reader's continuation runs inside the writer's flush, so each write is consumed before the next begins.
    private static Pipe InlinePipe() => new(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));

    [Test]
    public async Task Says_that_a_pending_read_was_cancelled_when_the_pipe_cancels_it()
    {
        var pipe = new Pipe();
        var reader = new FrameReader(pipe.Reader);

        var pending = reader.ReadAsync().AsTask();
        pipe.Reader.CancelPendingRead();

        Assert.That(async () => await pending.WaitAsync(Bound),
            Throws.InstanceOf<OperationCanceledException>().With.Message.EqualTo("The pending frame read was cancelled."));
    }

    [Test]
    public async Task Consumes_every_byte_of_a_stream_that_ends_inside_a_header()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0 });
        await pipe.Writer.CompleteAsync();
        var reader = new FrameReader(pipe.Reader);

        var end = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(end.Error, Is.EqualTo(FrameError.EndInHeader));
        Assert.That(pipe.Reader.TryRead(out var rest), "the pipe is free to read again");
        Assert.That((rest.Buffer.Length, rest.IsCompleted), Is.EqualTo((0L, true)));
        Assert.That(reader.BytesRead, Is.EqualTo(2));
    }

    [Test]
    public async Task Consumes_a_faulty_header_and_leaves_what_follows_it_in_the_pipe()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync((byte[])[.. Frames.Header(0), .. Frames.Of("{}")]);
        var reader = new FrameReader(pipe.Reader);

        var fault = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(fault.Error, Is.EqualTo(FrameError.ZeroLength));
        Assert.That(pipe.Reader.TryRead(out var rest), "the pipe is free to read again");
        Assert.That(rest.Buffer.ToArray(), Is.EqualTo(Frames.Of("{}")));
    }

    [Test]
    public async Task Never_holds_back_a_pipe_writer_that_writes_a_frame_in_pieces()
    {
        // Pieces far above the pipe's pause threshold, each write bounded. (A Pipe lets its writer go on once the
        // reader has examined every byte, so this holds for a reader that consumes as it goes and for one that waits.)
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512));
        var frame = Frames.Of(new string('x', 200 * 1024));
        var reader = new FrameReader(pipe.Reader);

        var read = reader.ReadAsync().AsTask();
        for (var offset = 0; offset < frame.Length; offset += 100 * 1024)
        {
            await pipe.Writer.WriteAsync(frame.AsMemory(offset, Math.Min(100 * 1024, frame.Length - offset))).AsTask().WaitAsync(Bound);
        }

        var result = await read.WaitAsync(Bound);
        Assert.That(result.Payload.Length, Is.EqualTo(200 * 1024));
        Assert.That(reader.BytesRead, Is.EqualTo(frame.Length));
    }

    [Test]
    public async Task Takes_the_rest_of_a_split_frame_and_then_the_frame_that_follows_it_in_the_same_write()
    {
        var pipe = InlinePipe();
        var frames = Frames.Of("{\"first\":1}", "{\"second\":2}");
        var reader = new FrameReader(pipe.Reader);

        var first = reader.ReadAsync().AsTask();
        await pipe.Writer.WriteAsync(frames.AsMemory(0, 7));
        Assert.That(first.IsCompleted, Is.False, "three of eleven payload bytes have arrived");
        await pipe.Writer.WriteAsync(frames.AsMemory(7));
        var second = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(Encoding.UTF8.GetString((await first.WaitAsync(Bound)).Payload.Span), Is.EqualTo("{\"first\":1}"));
        Assert.That(Encoding.UTF8.GetString(second.Payload.Span), Is.EqualTo("{\"second\":2}"));
        Assert.That(reader.BytesRead, Is.EqualTo(frames.Length));
    }

    [Test]
    public async Task Grows_a_split_payload_only_with_the_bytes_that_have_arrived()
    {
        var pipe = InlinePipe();
        var reader = new FrameReader(pipe.Reader, new FrameOptions { MaxPayloadBytes = 64 * 1024 * 1024 });
        var read = reader.ReadAsync().AsTask();
        var before = GC.GetAllocatedBytesForCurrentThread();

        // The reader runs inside this write, on this thread, so what it allocates is counted here.
        await pipe.Writer.WriteAsync((byte[])[.. Frames.Header(32 * 1024 * 1024), .. new byte[1000]]);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(read.IsCompleted, Is.False);
        Assert.That(allocated, Is.LessThan(1024 * 1024), $"{allocated} bytes allocated for 1,000 payload bytes of a claimed 32 MiB");
        await pipe.Writer.CompleteAsync();
        Assert.That((await read.WaitAsync(Bound)).Error, Is.EqualTo(FrameError.EndInPayload));
    }

    [Test]
    public async Task Reads_a_split_frame_from_a_stream_that_has_not_ended()
    {
        // A stream the reader pulls from on demand: the frame is whole once its second piece arrives, with no end to wait for.
        var pipe = InlinePipe();
        var frame = Frames.Of("{\"split\":true}");
        await using var reader = FrameReader.FromStream(pipe.Reader.AsStream());

        var read = reader.ReadAsync().AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 8));
        Assert.That(read.IsCompleted, Is.False, "four of fourteen payload bytes have arrived");
        await pipe.Writer.WriteAsync(frame.AsMemory(8));

        var result = await read.WaitAsync(Bound);
        Assert.That(Encoding.UTF8.GetString(result.Payload.Span), Is.EqualTo("{\"split\":true}"));
    }
}

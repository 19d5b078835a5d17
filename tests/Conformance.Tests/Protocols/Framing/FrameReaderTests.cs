using System.IO.Pipelines;
using System.Text;
using Conformance.Protocols.Framing;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.Framing;

public class FrameReaderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Reads_frames_in_order_and_then_the_clean_end()
    {
        await using var reader = Frames.Reader(Frames.Of("{\"a\":1}", "<b/>"));

        var results = await Frames.ReadAllAsync(reader);

        Assert.That(Frames.Texts(results), Is.EqualTo(new[] { "{\"a\":1}", "<b/>" }));
        Assert.That(results.Select(result => (result.FrameNumber, result.Offset, result.BytesReceived)),
            Is.EqualTo(new[] { (1L, 0L, 11L), (2L, 11L, 8L), (2L, 19L, 0L) }));
        Assert.That(results[^1].IsEnd && results[^1].Error is null);
        Assert.That(reader.BytesRead, Is.EqualTo(19));
    }

    [Test]
    public async Task Ends_cleanly_on_an_empty_stream()
    {
        await using var reader = Frames.Reader([]);

        var result = await reader.ReadAsync();

        Assert.That(result.IsEnd);
        Assert.That(result.FrameNumber, Is.Zero);
    }

    [Test]
    public async Task Reassembles_a_frame_split_over_one_byte_reads()
    {
        await using var reader = FrameReader.FromStream(new OneBytePerReadStream(Frames.Of("{\"é\":\"ü\"}", "{}")));

        var results = await Frames.ReadAllAsync(reader);

        Assert.That(Frames.Texts(results), Is.EqualTo(new[] { "{\"é\":\"ü\"}", "{}" }));
        Assert.That(results[^1].IsEnd);
    }

    [Test]
    public async Task Hands_each_payload_in_place_split_over_one_byte_reads_and_then_the_same_end()
    {
        await using var reader = FrameReader.FromStream(new OneBytePerReadStream(Frames.Of("{\"é\":\"ü\"}", "<b/>")));
        var seen = new List<string>();

        var first = await reader.ReadAsync(payload => seen.Add(Encoding.UTF8.GetString(payload)));
        var second = await reader.ReadAsync(payload => seen.Add(Encoding.UTF8.GetString(payload)));
        var end = await reader.ReadAsync(_ => Assert.Fail("no payload after the last frame"));

        Assert.That(seen, Is.EqualTo(new[] { "{\"é\":\"ü\"}", "<b/>" }));
        Assert.That((first.FrameNumber, first.IsFrame, first.Payload.Length), Is.EqualTo((1L, true, 0)), "the payload went to the consumer, not into the result");
        Assert.That(second.DeclaredLength, Is.EqualTo(4));
        Assert.That(end.IsEnd);
    }

    [Test]
    public async Task Reads_several_frames_that_arrive_in_one_read()
    {
        var stream = new ChunkedStream(Frames.Of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"));
        await using var reader = FrameReader.FromStream(stream);

        var results = await Frames.ReadAllAsync(reader);

        Assert.That(Frames.Texts(results), Is.EqualTo(new[] { "{\"n\":1}", "{\"n\":2}", "{\"n\":3}" }));
        Assert.That(stream.Reads, Is.EqualTo(1));
    }

    [Test]
    public async Task Rejects_a_zero_length_as_a_protocol_error()
    {
        await using var reader = Frames.Reader([.. Frames.Of("{}"), .. Frames.Header(0)]);

        var results = await Frames.ReadAllAsync(reader);

        var fault = results[^1];
        Assert.That(fault.Error, Is.EqualTo(FrameError.ZeroLength));
        Assert.That(fault.IsResourceLimit, Is.False);
        Assert.That(fault.Message, Is.EqualTo("frame 2 at byte 6: the length header is 0; a frame carries at least one payload byte"));
    }

    [TestCase(0x8000_0000u)]
    [TestCase(0xFFFF_FFFFu)]
    public async Task Rejects_a_length_with_the_top_bit_set_as_a_protocol_error(uint length)
    {
        await using var reader = Frames.Reader(Frames.Header(length));

        var fault = await reader.ReadAsync();

        Assert.That(fault.Error, Is.EqualTo(FrameError.TopBitSet));
        Assert.That(fault.IsResourceLimit, Is.False);
        Assert.That(fault.DeclaredLength, Is.EqualTo(length));
        Assert.That(fault.Message, Does.Contain($"0x{length:X8} has its top bit set"));
    }

    [Test]
    public async Task Refuses_a_legal_length_above_the_limit_as_a_resource_limit()
    {
        await using var reader = Frames.Reader([.. Frames.Header(101), .. new byte[101]], new FrameOptions { MaxPayloadBytes = 100 });

        var fault = await reader.ReadAsync();

        Assert.That(fault.Error, Is.EqualTo(FrameError.OverLimit));
        Assert.That(fault.IsResourceLimit);
        Assert.That(fault.Message, Is.EqualTo("frame 1 at byte 0: the length header claims 101 bytes, above this receiver's limit of 100; none of them were read"));
    }

    [Test]
    public async Task Accepts_a_payload_of_exactly_the_limit()
    {
        await using var reader = Frames.Reader(Frames.Of(new string('x', 100)), new FrameOptions { MaxPayloadBytes = 100 });

        var result = await reader.ReadAsync();

        Assert.That(result.IsFrame);
        Assert.That(result.Payload.Length, Is.EqualTo(100));
    }

    [Test]
    public async Task Uses_a_limit_of_16_MiB_by_default()
    {
        await using var accepted = Frames.Reader([.. Frames.Header(16 * 1024 * 1024)]);
        await using var refused = Frames.Reader([.. Frames.Header(16 * 1024 * 1024 + 1)]);

        Assert.That((await accepted.ReadAsync()).Error, Is.EqualTo(FrameError.EndInPayload));
        Assert.That((await refused.ReadAsync()).Error, Is.EqualTo(FrameError.OverLimit));
    }

    [TestCase(0x7FFF_FFFFu, FrameError.OverLimit)]
    [TestCase(0xFFFF_FFFFu, FrameError.TopBitSet)]
    [TestCase(0u, FrameError.ZeroLength)]
    public async Task Judges_a_header_from_its_four_bytes_without_waiting_for_more(uint length, FrameError expected)
    {
        // The writer sends the header and then nothing, without ending the stream.
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frames.Header(length));
        var reader = new FrameReader(pipe.Reader);

        var fault = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(fault.Error, Is.EqualTo(expected));
        Assert.That(fault.BytesReceived, Is.EqualTo(4));
    }

    [TestCase(0x7FFF_FFFFu)]
    [TestCase(0xFFFF_FFFFu)]
    public void Allocates_nothing_of_a_claimed_2_or_4_GiB_length(uint length)
    {
        // Every read completes synchronously, so the whole read happens on this thread and is measured.
        var reader = Frames.Reader([.. Frames.Header(length), .. new byte[64 * 1024]]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var fault = reader.ReadAsync().AsTask().GetAwaiter().GetResult();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(fault.Error, Is.AnyOf(FrameError.OverLimit, FrameError.TopBitSet));
        Assert.That(allocated, Is.LessThan(1024 * 1024), $"{allocated} bytes allocated for a claimed length of {length}");
    }

    [Test]
    public void Grows_a_payload_only_with_the_bytes_that_arrive_even_under_the_largest_limit()
    {
        var reader = Frames.Reader([.. Frames.Header((uint)Array.MaxLength), .. new byte[100 * 1024]], new FrameOptions { MaxPayloadBytes = Array.MaxLength });
        var before = GC.GetAllocatedBytesForCurrentThread();

        var fault = reader.ReadAsync().AsTask().GetAwaiter().GetResult();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(fault.Error, Is.EqualTo(FrameError.EndInPayload));
        Assert.That(fault.BytesReceived, Is.EqualTo(4 + 100 * 1024));
        Assert.That(allocated, Is.LessThan(1024 * 1024), $"{allocated} bytes allocated for 100 KiB that arrived");
    }

    [Test]
    public async Task Reports_end_of_stream_inside_a_header_with_the_bytes_that_arrived()
    {
        await using var reader = Frames.Reader([.. Frames.Of("{}"), 0, 0]);

        var results = await Frames.ReadAllAsync(reader);

        var fault = results[^1];
        Assert.That(fault.Error, Is.EqualTo(FrameError.EndInHeader));
        Assert.That((fault.FrameNumber, fault.Offset, fault.BytesReceived, fault.DeclaredLength), Is.EqualTo((2L, 6L, 2L, (long?)null)));
        Assert.That(fault.Message, Is.EqualTo("frame 2 at byte 6: the stream ended after 2 of the 4 length-header bytes"));
    }

    [Test]
    public async Task Reports_end_of_stream_inside_a_payload_and_delivers_none_of_it()
    {
        var truncated = Frames.Of("{\"a\":1}", "{\"partial\":true}")[..^5];
        await using var reader = Frames.Reader(truncated, null, 3);

        var results = await Frames.ReadAllAsync(reader);

        Assert.That(Frames.Texts(results), Is.EqualTo(new[] { "{\"a\":1}" }));
        var fault = results[^1];
        Assert.That(fault.Error, Is.EqualTo(FrameError.EndInPayload));
        Assert.That(fault.Payload.IsEmpty);
        Assert.That((fault.FrameNumber, fault.Offset, fault.BytesReceived, fault.DeclaredLength), Is.EqualTo((2L, 11L, 15L, (long?)16)));
        Assert.That(fault.Message, Is.EqualTo("frame 2 at byte 11: the stream ended after 11 of the 16 payload bytes; the partial payload is dropped"));
    }

    [Test]
    public async Task Stays_at_its_fault_even_when_good_frames_follow()
    {
        await using var reader = Frames.Reader([.. Frames.Header(0), .. Frames.Of("{}")]);

        var first = await reader.ReadAsync();
        var second = await reader.ReadAsync();

        Assert.That(first.Error, Is.EqualTo(FrameError.ZeroLength));
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public async Task Stays_at_the_end_once_the_stream_has_ended_and_gives_a_consumer_nothing()
    {
        await using var reader = Frames.Reader(Frames.Of("{}"));

        await reader.ReadAsync();
        var end = await reader.ReadAsync();

        Assert.That(await reader.ReadAsync(), Is.SameAs(end));
        Assert.That(await reader.ReadAsync(_ => Assert.Fail("no payload after the end")), Is.SameAs(end));
    }

    [Test]
    public async Task Resumes_the_same_frame_after_a_cancelled_read()
    {
        var pipe = new Pipe();
        var frame = Frames.Of("{\"resumed\":true}");
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 9));
        var reader = new FrameReader(pipe.Reader);
        using var cancel = new CancellationTokenSource();

        var pending = reader.ReadAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        Assert.That(async () => await pending.WaitAsync(Bound), Throws.InstanceOf<OperationCanceledException>());
        await pipe.Writer.WriteAsync(frame.AsMemory(9));
        var result = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(Encoding.UTF8.GetString(result.Payload.Span), Is.EqualTo("{\"resumed\":true}"));
    }

    [Test]
    public async Task Never_holds_back_a_pipe_writer_while_a_large_frame_arrives()
    {
        // A pipe pauses its writer while 64 KiB lie unconsumed: a reader that waited for the whole frame would deadlock.
        var pipe = new Pipe();
        var payload = Enumerable.Range(0, 4 * 1024 * 1024).Select(i => (byte)('a' + i % 26)).ToArray();
        await using var writer = new FrameWriter(pipe.Writer);
        var reader = new FrameReader(pipe.Reader);

        var written = writer.WriteAsync(payload).AsTask();
        var read = reader.ReadAsync().AsTask();
        await Task.WhenAll(written, read).WaitAsync(Bound);

        Assert.That(read.Result.Payload.ToArray(), Is.EqualTo(payload));
    }

    [Test]
    public void Refuses_a_missing_pipe_stream_or_consumer()
    {
        Assert.That(() => new FrameReader(null!), Throws.ArgumentNullException);
        Assert.That(() => FrameReader.FromStream(null!), Throws.ArgumentNullException);
        var reader = Frames.Reader(Frames.Of("{}"));
        Assert.That(async () => await reader.ReadAsync((Action<System.Buffers.ReadOnlySequence<byte>>)null!), Throws.ArgumentNullException);
    }

    [Test]
    public async Task Leaves_a_callers_pipe_readable_after_it_is_disposed()
    {
        var pipe = new Pipe();
        var reader = new FrameReader(pipe.Reader);
        await reader.DisposeAsync();
        await pipe.Writer.WriteAsync(Frames.Of("{}"));

        var read = await pipe.Reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(read.Buffer.Length, Is.EqualTo(6), "the pipe is the caller's: disposing the frame reader did not complete it");
    }

    [Test]
    public async Task Completes_its_own_pipe_but_leaves_the_stream_open_when_disposed()
    {
        var stream = new MemoryStream(Frames.Of("{}"));
        var reader = FrameReader.FromStream(stream);
        await reader.DisposeAsync();

        Assert.That(stream.CanRead, "the stream is the caller's");
        Assert.That(async () => await reader.ReadAsync(), Throws.InvalidOperationException, "the reader's own pipe was completed");
    }
}

using System.Buffers;
using System.IO.Pipelines;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Tests.Protocols.Framing;
using Conformance.Tests.Support;

namespace Conformance.Tests.Dcv.Framing;

/// <summary>VC-01 and VC-16: LE32 control frames carrying one protobuf message each.</summary>
public class ControlFrameReaderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Reads_messages_in_order_and_then_the_clean_end()
    {
        var first = ControlFrames.GetDcvInfo("1");
        var second = ControlFrames.Setup("2", "echo", 4242);
        await using var reader = ControlFrames.Reader(ControlFrames.Of(first, second));

        var results = await ControlFrames.ReadAllAsync(reader);

        Assert.That(results.Take(2).Select(result => result.Message), Is.EqualTo(new[] { first, second }));
        var firstLength = first.CalculateSize();
        Assert.That(results.Select(result => (result.FrameNumber, result.Offset, result.BytesReceived)),
            Is.EqualTo(new[] { (1L, 0L, 4L + firstLength), (2L, 4L + firstLength, 4L + second.CalculateSize()), (2L, reader.BytesRead, 0L) }));
        Assert.That(results[^1].IsEnd && results[^1].Error is null);
    }

    [Test]
    public async Task Reassembles_messages_split_over_one_byte_reads()
    {
        var messages = new[] { ControlFrames.Setup("a", "channel-é", 1), ControlFrames.GetDcvInfo("b") };
        await using var reader = new ControlFrameReader<ExtensionMessage>(new OneBytePerReadStream(ControlFrames.Of(messages)));

        var results = await ControlFrames.ReadAllAsync(reader);

        Assert.That(results.Where(result => result.IsMessage).Select(result => result.Message), Is.EqualTo(messages));
        Assert.That(results[^1].IsEnd);
    }

    [Test]
    public async Task Reads_several_messages_that_arrive_in_one_read()
    {
        var stream = new ChunkedStream(ControlFrames.Of(ControlFrames.GetDcvInfo("1"), ControlFrames.GetDcvInfo("2"), ControlFrames.GetDcvInfo("3")));
        await using var reader = new ControlFrameReader<ExtensionMessage>(stream);

        var results = await ControlFrames.ReadAllAsync(reader);

        Assert.That(results.Where(result => result.IsMessage).Select(result => result.Message!.Request.RequestId), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(stream.Reads, Is.EqualTo(1));
    }

    [Test]
    public async Task Takes_a_zero_length_as_the_empty_message_which_carries_no_request()
    {
        await using var reader = ControlFrames.Reader([.. ControlFrames.Header(0), .. ControlFrames.Of(ControlFrames.GetDcvInfo("1"))]);

        var empty = await reader.ReadAsync();
        var next = await reader.ReadAsync();

        Assert.That(empty.IsMessage && empty.Message!.MsgCase == ExtensionMessage.MsgOneofCase.None);
        Assert.That((empty.BytesReceived, empty.DeclaredLength), Is.EqualTo((4L, (long?)0)));
        Assert.That(next.Message!.Request.RequestId, Is.EqualTo("1"));
    }

    [Test]
    public async Task Refuses_a_length_above_the_limit_before_reading_any_of_it()
    {
        var message = ControlFrames.Setup("1", "echo", 7);
        await using var reader = ControlFrames.Reader(ControlFrames.Of(message), ControlFraming.WithLimit(message.CalculateSize() - 1));

        var fault = await reader.ReadAsync();

        Assert.That(fault.Error, Is.EqualTo(ControlFrameError.OverLimit));
        Assert.That(fault.IsResourceLimit);
        Assert.That(fault.BytesReceived, Is.EqualTo(4));
        Assert.That(fault.Description, Does.StartWith("frame 1 at byte 0: the length header claims").And.EndWith("none of them were read"));
    }

    [Test]
    public async Task Uses_a_limit_of_16_MiB_by_default()
    {
        await using var accepted = ControlFrames.Reader(ControlFrames.Header(16 * 1024 * 1024));
        await using var refused = ControlFrames.Reader(ControlFrames.Header(16 * 1024 * 1024 + 1));

        Assert.That((await accepted.ReadAsync()).Error, Is.EqualTo(ControlFrameError.EndInPayload));
        Assert.That((await refused.ReadAsync()).Error, Is.EqualTo(ControlFrameError.OverLimit));
    }

    [TestCase(0x7FFF_FFFFu, ControlFrameError.OverLimit)]
    [TestCase(0x8000_0000u, ControlFrameError.TopBitSet)]
    [TestCase(0xFFFF_FFFFu, ControlFrameError.TopBitSet)]
    public void Allocates_nothing_of_a_hostile_length(uint length, ControlFrameError expected)
    {
        // Every read completes synchronously, so the whole read happens on this thread and is measured.
        var reader = ControlFrames.Reader([.. ControlFrames.Header(length), .. new byte[64 * 1024]]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var fault = reader.ReadAsync().AsTask().GetAwaiter().GetResult();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(fault.Error, Is.EqualTo(expected));
        Assert.That(allocated, Is.LessThan(1024 * 1024), $"{allocated} bytes allocated for a claimed length of {length}");
    }

    [Test]
    public void Decodes_small_messages_in_place_allocating_little_more_than_the_messages_themselves()
    {
        // Whole frames in one buffer are parsed where they lie: no payload copy, no buffer per frame. A Release build
        // allocates about 260 bytes a message (the result and the parsed objects); a Debug build adds its async
        // state machines. The bound catches a per-frame buffer or copy creeping in, not a benchmark.
        const int count = 10_000;
        var stream = ControlFrames.Of([.. Enumerable.Range(0, count).Select(i => ControlFrames.GetDcvInfo("r" + (i % 10)))]);
        var reader = ControlFrames.Reader(stream);
        reader.ReadAsync().AsTask().GetAwaiter().GetResult();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var decoded = 0;
        for (var i = 1; i < count; i++)
        {
            var pending = reader.ReadAsync();
            decoded += pending.IsCompletedSuccessfully && pending.Result.IsMessage ? 1 : 0;
        }

        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - before) / (count - 1);
        Assert.That(decoded, Is.EqualTo(count - 1));
        Assert.That(perMessage, Is.LessThan(2048), $"{perMessage} bytes allocated per message");
    }

    [Test]
    public async Task Judges_a_header_from_its_four_bytes_without_waiting_for_more()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(ControlFrames.Header(0x8000_0001));
        var reader = new ControlFrameReader<ExtensionMessage>(pipe.Reader);

        var fault = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(fault.Error, Is.EqualTo(ControlFrameError.TopBitSet));
        Assert.That(fault.Description, Does.Contain("0x80000001 has its top bit set"));
    }

    [Test]
    public async Task Reports_end_of_stream_inside_a_header()
    {
        await using var reader = ControlFrames.Reader([.. ControlFrames.Of(ControlFrames.GetDcvInfo("1")), 5, 0]);

        var fault = (await ControlFrames.ReadAllAsync(reader))[^1];

        Assert.That(fault.Error, Is.EqualTo(ControlFrameError.EndInHeader));
        Assert.That((fault.FrameNumber, fault.BytesReceived), Is.EqualTo((2L, 2L)));
        Assert.That(fault.Description, Does.EndWith("the stream ended after 2 of the 4 length-header bytes"));
    }

    [Test]
    public async Task Reports_end_of_stream_inside_a_payload_and_delivers_none_of_it()
    {
        var truncated = ControlFrames.Of(ControlFrames.GetDcvInfo("1"), ControlFrames.Setup("2", "echo", 9))[..^3];
        await using var reader = ControlFrames.Reader(truncated, null, 5);

        var results = await ControlFrames.ReadAllAsync(reader);

        Assert.That(results, Has.Count.EqualTo(2));
        var fault = results[^1];
        Assert.That(fault.Error, Is.EqualTo(ControlFrameError.EndInPayload));
        Assert.That(fault.Message, Is.Null);
        Assert.That(fault.Description, Does.Contain("the partial payload is dropped"));
    }

    [TestCase(new byte[] { 0x0A, 0x05, 0x0A }, TestName = "Reports a payload that is not protobuf: a truncated field")]
    [TestCase(new byte[] { 0x0F }, TestName = "Reports a payload that is not protobuf: wire type 7")]
    [TestCase(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, TestName = "Reports a payload that is not protobuf: a varint too long")]
    [TestCase(new byte[] { 0x00 }, TestName = "Reports a payload that is not protobuf: field number 0")]
    public async Task Reports_a_payload_that_is_not_protobuf(byte[] payload)
    {
        await using var reader = ControlFrames.Reader([.. ControlFrames.Of(ControlFrames.GetDcvInfo("1")), .. ControlFrames.Header((uint)payload.Length), .. payload]);

        var results = await ControlFrames.ReadAllAsync(reader);

        var fault = results[^1];
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(fault.Error, Is.EqualTo(ControlFrameError.NotProtobuf));
        Assert.That(fault.Description, Does.StartWith($"frame 2 at byte {results[0].BytesReceived}: the {payload.Length}-byte payload is not a valid dcv.extensions.ExtensionMessage: ").And.Match(": [^:]+$"), "the parser says what is wrong");
    }

    [Test]
    public async Task Stays_at_its_fault_even_when_good_frames_follow()
    {
        await using var reader = ControlFrames.Reader([.. ControlFrames.Header(1), 0x0F, .. ControlFrames.Of(ControlFrames.GetDcvInfo("1"))]);

        var first = await reader.ReadAsync();

        Assert.That(first.Error, Is.EqualTo(ControlFrameError.NotProtobuf));
        Assert.That(await reader.ReadAsync(), Is.SameAs(first));
    }

    [Test]
    public async Task Resumes_the_same_frame_after_a_cancelled_read()
    {
        var pipe = new Pipe();
        var frame = ControlFrames.Of(ControlFrames.Setup("resumed", "echo", 1));
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 7));
        var reader = new ControlFrameReader<ExtensionMessage>(pipe.Reader);
        using var cancel = new CancellationTokenSource();

        var pending = reader.ReadAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        Assert.That(async () => await pending.WaitAsync(Bound), Throws.InstanceOf<OperationCanceledException>());
        await pipe.Writer.WriteAsync(frame.AsMemory(7));
        var result = await reader.ReadAsync().AsTask().WaitAsync(Bound);

        Assert.That(result.Message!.Request.RequestId, Is.EqualTo("resumed"));
    }

    [Test]
    public async Task Never_holds_back_a_pipe_writer_while_a_large_message_arrives()
    {
        // A pipe pauses its writer while 64 KiB lie unconsumed: a reader that waited for the whole frame would deadlock.
        var pipe = new Pipe();
        var large = ControlFrames.Setup("large", new string('x', 3 * 1024 * 1024), 1);
        await using var writer = new ControlFrameWriter<ExtensionMessage>(pipe.Writer);
        var reader = new ControlFrameReader<ExtensionMessage>(pipe.Reader);

        var written = writer.WriteAsync(large).AsTask();
        var read = reader.ReadAsync().AsTask();
        await Task.WhenAll(written, read).WaitAsync(Bound);

        Assert.That(read.Result.Message, Is.EqualTo(large));
    }

    [Test]
    public void Refuses_options_that_are_not_LE32()
    {
        Assert.That(() => new ControlFrameReader<ExtensionMessage>(new MemoryStream(), new Conformance.Protocols.Framing.FrameOptions()),
            Throws.ArgumentException.With.Message.Contains("LE32"));
    }

    [Test]
    public void Refuses_a_missing_pipe_reader_or_stream()
    {
        Assert.That(() => new ControlFrameReader<ExtensionMessage>((PipeReader)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("reader"));
        Assert.That(() => new ControlFrameReader<ExtensionMessage>((Stream)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("stream"));
    }

    [Test]
    public async Task Disposing_a_reader_over_a_pipe_leaves_the_pipe_reader_to_its_caller()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(ControlFrames.Of(ControlFrames.GetDcvInfo("1")));
        var reader = new ControlFrameReader<ExtensionMessage>(pipe.Reader);
        Assert.That((await reader.ReadAsync()).IsMessage);

        await reader.DisposeAsync();
        await pipe.Writer.WriteAsync(new byte[] { 7 });

        var after = await pipe.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        Assert.That(after.Buffer.ToArray(), Is.EqualTo(new byte[] { 7 }), "the caller still reads its pipe");
    }

    [Test]
    public async Task Disposing_a_reader_over_a_stream_leaves_the_stream_open_and_ends_the_readers_own_pipe()
    {
        var stream = new MemoryStream(ControlFrames.Of(ControlFrames.GetDcvInfo("1"), ControlFrames.GetDcvInfo("2")));
        var reader = new ControlFrameReader<ExtensionMessage>(stream);
        Assert.That((await reader.ReadAsync()).IsMessage);

        await reader.DisposeAsync();

        Assert.That(stream.CanRead, Is.True, "the stream stays the caller's");
        Assert.That(async () => await reader.ReadAsync(), Throws.InstanceOf<InvalidOperationException>(), "the pipe it made for the stream is completed");
    }
}

using System.Text;
using Conformance.Protocols.Lines;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.Lines;

public class LineReaderTests
{
    [Test]
    public async Task Reads_lines_terminated_by_LF_and_ends_cleanly()
    {
        var reader = Over("{\"a\":1}\n{\"b\":2}\n");

        var first = await reader.ReadLineAsync();
        var second = await reader.ReadLineAsync();
        var end = await reader.ReadLineAsync();

        Assert.That(first!.Text, Is.EqualTo("{\"a\":1}"));
        Assert.That(first.Defects, Is.Empty);
        Assert.That(second!.Number, Is.EqualTo(2));
        Assert.That(end, Is.Null);
    }

    [Test]
    public async Task Reports_a_byte_order_mark_at_the_start_of_the_stream_and_strips_it()
    {
        var reader = Over(Bytes(0xEF, 0xBB, 0xBF).Concat(Encoding.UTF8.GetBytes("{}\n{}\n")).ToArray());

        var first = await reader.ReadLineAsync();
        var second = await reader.ReadLineAsync();

        Assert.That(first!.Defects, Is.EqualTo(new[] { LineDefect.ByteOrderMark }));
        Assert.That(first.Text, Is.EqualTo("{}"));
        Assert.That(second!.Defects, Is.Empty);
    }

    [Test]
    public async Task Reports_CR_before_LF_and_strips_it()
    {
        var line = await Over("{}\r\n").ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.CarriageReturn }));
        Assert.That(line.Text, Is.EqualTo("{}"));
    }

    [Test]
    public async Task Reports_invalid_UTF8_with_the_offset_of_the_first_bad_byte()
    {
        var line = await Over(Bytes(0x7B, 0x22, 0x61, 0xFF, 0x22, 0x7D, 0x0A)).ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.InvalidUtf8 }));
        Assert.That(line.InvalidUtf8Offset, Is.EqualTo(3));
        Assert.That(line.Text, Is.Null);
        Assert.That(line.Excerpt(), Does.StartWith("7B 22 61 FF"));
    }

    [Test]
    public async Task Reports_a_truncated_multibyte_sequence_as_invalid_UTF8()
    {
        var line = await Over(Bytes(0x41, 0xE2, 0x82, 0x0A)).ReadLineAsync();

        Assert.That(line!.InvalidUtf8Offset, Is.EqualTo(1));
    }

    [Test]
    public async Task Skips_an_over_long_line_keeping_an_excerpt_and_goes_on_with_the_next()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        var reader = Over($"{huge}\n{{\"next\":true}}\n");

        var tooLong = await reader.ReadLineAsync();
        var next = await reader.ReadLineAsync();

        Assert.That(tooLong!.Defects, Is.EqualTo(new[] { LineDefect.TooLong }));
        Assert.That(tooLong.Length, Is.EqualTo(huge.Length));
        Assert.That(tooLong.Bytes.Length, Is.EqualTo(LineReader.ExcerptBytes));
        Assert.That(next!.Text, Is.EqualTo("{\"next\":true}"));
    }

    [Test]
    public void Does_not_buffer_an_over_long_line()
    {
        // The stream completes every read synchronously, so the whole read stays on this thread and is measured.
        var reader = new LineReader(new EndlessStream(totalBytes: 64L * 1024 * 1024), maxLineBytes: 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var line = reader.ReadLineAsync().AsTask().GetAwaiter().GetResult();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(line!.Has(LineDefect.TooLong) && line.Has(LineDefect.Unterminated));
        Assert.That(line.Length, Is.EqualTo(64L * 1024 * 1024));
        Assert.That(allocated, Is.LessThan(4 * 1024 * 1024), "a 64 MiB line must not be held in memory");
    }

    [Test]
    public async Task Accepts_a_line_of_exactly_the_limit()
    {
        var reader = Over(new string('y', 100) + "\n", maxLineBytes: 100);

        var line = await reader.ReadLineAsync();

        Assert.That(line!.Defects, Is.Empty);
        Assert.That(line.Length, Is.EqualTo(100));
    }

    [Test]
    public async Task Reports_one_byte_over_the_limit_as_too_long()
    {
        var line = await Over(new string('y', 101) + "\n", maxLineBytes: 100).ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.TooLong }));
    }

    [Test]
    public async Task Reports_end_of_stream_inside_a_line_with_what_arrived()
    {
        var reader = Over("{\"a\":1}\n{\"eventTy");

        await reader.ReadLineAsync();
        var partial = await reader.ReadLineAsync();

        Assert.That(partial!.Defects, Is.EqualTo(new[] { LineDefect.Unterminated }));
        Assert.That(partial.Text, Is.EqualTo("{\"eventTy"));
        Assert.That(await reader.ReadLineAsync(), Is.Null);
    }

    [Test]
    public async Task Reassembles_a_line_delivered_one_byte_per_read()
    {
        var reader = new LineReader(new OneBytePerReadStream(Encoding.UTF8.GetBytes("{\"é\":\"ü\"}\n")));

        var line = await reader.ReadLineAsync();

        Assert.That(line!.Text, Is.EqualTo("{\"é\":\"ü\"}"));
    }

    [Test]
    public void Refuses_a_missing_stream_and_a_limit_below_one_byte()
    {
        Assert.That(() => new LineReader(null!), Throws.ArgumentNullException);
        Assert.That(() => new LineReader(new MemoryStream(), maxLineBytes: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task Counts_every_byte_it_has_read()
    {
        var reader = Over("ab\ncd\n");

        while (await reader.ReadLineAsync() is not null)
        {
        }

        Assert.That(reader.BytesRead, Is.EqualTo(6));
    }

    [Test]
    public async Task Reads_empty_lines_as_empty_text()
    {
        var reader = Over("\n\n");

        var first = await reader.ReadLineAsync();
        var second = await reader.ReadLineAsync();

        Assert.That((first!.Text, first.Length, first.Defects), Is.EqualTo(("", 0L, Array.Empty<LineDefect>())));
        Assert.That(second!.Text, Is.EqualTo(""));
        Assert.That(await reader.ReadLineAsync(), Is.Null);
    }

    [Test]
    public async Task A_line_at_the_limit_with_a_trailing_CR_is_not_too_long()
    {
        // The CR does not count against the limit: it is a defect of its own.
        var line = await Over("abcde\r\n", maxLineBytes: 5).ReadLineAsync();

        Assert.That(line!.Text, Is.EqualTo("abcde"));
        Assert.That(line.Length, Is.EqualTo(5));
        Assert.That(line.Defects, Is.EqualTo(new[] { LineDefect.CarriageReturn }));
    }

    [Test]
    public async Task Counts_a_line_without_its_byte_order_mark_and_its_CR()
    {
        var line = await Over(Bytes(0xEF, 0xBB, 0xBF).Concat(Encoding.UTF8.GetBytes("ab\r\n")).ToArray()).ReadLineAsync();

        Assert.That(line!.Length, Is.EqualTo(2));
        Assert.That(line.Defects, Is.EqualTo(new[] { LineDefect.ByteOrderMark, LineDefect.CarriageReturn }));
    }

    [Test]
    public async Task Keeps_the_first_bytes_that_arrived_of_a_line_that_goes_over_the_limit_in_several_reads()
    {
        // Reads of 4 bytes against a limit of 10: the line is found too long at its third read, and keeps those 12 bytes.
        var text = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
        var reader = new LineReader(new Framing.ChunkedStream(Encoding.UTF8.GetBytes(text + "\nnext\n"), [4]), maxLineBytes: 10);

        var line = await reader.ReadLineAsync();
        var next = await reader.ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.TooLong }));
        Assert.That(line.Length, Is.EqualTo(text.Length));
        Assert.That(Encoding.UTF8.GetString(line.Bytes.Span), Is.EqualTo(text[..12]));
        Assert.That(next!.Text, Is.EqualTo("next"));
    }

    [Test]
    public async Task Keeps_at_most_the_excerpt_of_a_line_over_the_limit_it_had_taken_whole()
    {
        var line = await Over(new string('z', 301) + "\n", maxLineBytes: 300).ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.TooLong }));
        Assert.That(line.Bytes.Length, Is.EqualTo(LineReader.ExcerptBytes));
    }

    [Test]
    public async Task Leaves_a_CR_that_ends_the_excerpt_of_a_line_too_long_as_it_is()
    {
        // Only a whole line's last byte is its CR: in an excerpt it is just a byte of the line.
        var text = new string('x', LineReader.ExcerptBytes - 1) + "\r" + new string('y', 100);

        var line = await Over(text + "\n", maxLineBytes: 300).ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.TooLong }));
        Assert.That(line.Bytes.Length, Is.EqualTo(LineReader.ExcerptBytes));
        Assert.That(line.Bytes.Span[^1], Is.EqualTo((byte)'\r'));
    }

    [Test]
    public async Task Finds_invalid_UTF8_far_into_a_long_line()
    {
        var bytes = Enumerable.Repeat((byte)'a', 5000).Append((byte)0xFF).Append((byte)'\n').ToArray();

        var line = await Over(bytes).ReadLineAsync();

        Assert.That(line!.Defects, Is.EqualTo(new[] { LineDefect.InvalidUtf8 }));
        Assert.That(line.InvalidUtf8Offset, Is.EqualTo(5000));
    }

    private static LineReader Over(string text, int maxLineBytes = LineReader.DefaultMaxLineBytes) =>
        Over(Encoding.UTF8.GetBytes(text), maxLineBytes);

    private static LineReader Over(byte[] bytes, int maxLineBytes = LineReader.DefaultMaxLineBytes) =>
        new(new MemoryStream(bytes), maxLineBytes);

    private static byte[] Bytes(params byte[] bytes) => bytes;

    /// <summary>A stream of 'x' bytes with no LF, produced on demand.</summary>
    private sealed class EndlessStream(long totalBytes) : Stream
    {
        private long _remaining = totalBytes;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _remaining);
            buffer[..n].Fill((byte)'x');
            _remaining -= n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

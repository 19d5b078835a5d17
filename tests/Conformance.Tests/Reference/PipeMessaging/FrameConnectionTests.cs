using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class FrameConnectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_disposed_connection_sends_nothing()
    {
        var (ours, theirs) = DuplexStream.CreatePair();
        await using var peer = theirs;
        var connection = Open(ours);
        await connection.DisposeAsync();

        Assert.That(await connection.SendAsync(new Handshake(HandshakeSender.Client)), Is.False);
        Assert.That(connection.IsOpen, Is.False);
    }

    [Test]
    public async Task A_broken_transport_fails_a_send_and_is_reported_once_as_broken_with_its_reason()
    {
        var stream = new BrokenStream();
        var inbound = new List<Inbound>();
        var actor = new Actor(_ => { });
        await using var connection = new FrameConnection(1, stream, FrameOptions.Default, actor, TimeProvider.System, Bound);

        connection.StartReading((_, read) =>
        {
            inbound.Add(read);
            return Task.CompletedTask;
        });
        var sent = await connection.SendAsync(new Handshake(HandshakeSender.Client));
        await connection.Reading.WaitAsync(Bound);
        await actor.WhenIdleAsync().WaitAsync(Bound);

        Assert.That(sent, Is.False);
        Assert.That(inbound.Single().Read, Is.Null);
        Assert.That(inbound.Single().Describe(), Is.EqualTo(((string?)null, $"the connection broke: {BrokenStream.Reason}")));
    }

    [Test]
    public async Task Disposing_twice_closes_the_stream_once_and_a_stream_that_fails_to_close_is_no_error()
    {
        var stream = new BrokenStream(failOnDispose: true);
        var connection = Open(stream);

        await connection.DisposeAsync();
        var disposals = stream.Disposals;
        await connection.DisposeAsync();

        Assert.That(disposals, Is.GreaterThan(0));
        Assert.That(stream.Disposals, Is.EqualTo(disposals), "the second disposal does nothing");
    }

    [Test]
    public async Task A_connection_that_stops_reading_reports_nothing_more()
    {
        var (ours, theirs) = DuplexStream.CreatePair();
        await using var peer = theirs;
        var inbound = new List<Inbound>();
        var actor = new Actor(_ => { });
        await using var connection = new FrameConnection(1, ours, FrameOptions.Default, actor, TimeProvider.System, Bound);
        connection.StartReading((_, read) =>
        {
            inbound.Add(read);
            return Task.CompletedTask;
        });

        connection.StopReading();
        await connection.Reading.WaitAsync(Bound);
        await actor.WhenIdleAsync().WaitAsync(Bound);

        Assert.That(inbound, Is.Empty);
    }

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

    [Test]
    public async Task A_transport_closed_under_the_connection_fails_a_send_is_reported_as_broken_and_closing_it_is_no_error()
    {
        var stream = new BrokenStream(failOnDispose: true, failure: () => new ObjectDisposedException("pipe"));
        var inbound = new List<Inbound>();
        var actor = new Actor(_ => { });
        var connection = new FrameConnection(1, stream, FrameOptions.Default, actor, TimeProvider.System, Bound);

        connection.StartReading((_, read) =>
        {
            inbound.Add(read);
            return Task.CompletedTask;
        });
        var sent = await connection.SendAsync(new Handshake(HandshakeSender.Client));
        await connection.Reading.WaitAsync(Bound);
        await actor.WhenIdleAsync().WaitAsync(Bound);
        await connection.DisposeAsync();

        Assert.That(sent, Is.False);
        Assert.That(inbound.Single().Read, Is.Null);
        Assert.That(inbound.Single().Broken, Does.Contain("pipe"));
    }

    [Test]
    public async Task A_write_the_peer_does_not_take_within_the_write_bound_fails_the_send()
    {
        var clock = new ManualTimeProvider();
        await using var connection = new FrameConnection(1, new StalledStream(), FrameOptions.Default, new Actor(_ => { }), clock, TimeSpan.FromSeconds(5));

        var sending = connection.SendAsync(new Handshake(HandshakeSender.Client));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.That(await sending.WaitAsync(Bound), Is.False);
    }

    /// <summary>A transport whose writes never complete until cancelled, as a peer that stopped reading.</summary>
    private sealed class StalledStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static FrameConnection Open(Stream stream) => new(1, stream, FrameOptions.Default, new Actor(_ => { }), TimeProvider.System, Bound);
}

using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference;
using Conformance.Reference.PipeMessaging;
using Conformance.Tests.Support;

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

        StartCollecting(connection, inbound);
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

        Assert.That(await InboundAfterStoppingAsync(ours), Is.Empty);
    }

    [Test]
    public async Task A_connection_that_stops_reading_reports_nothing_even_when_the_transport_fails_the_read_it_abandons()
    {
        Assert.That(await InboundAfterStoppingAsync(new AbortingStream()), Is.Empty);
    }

    [Test]
    public async Task A_transport_closed_under_the_connection_fails_a_send_is_reported_as_broken_and_closing_it_is_no_error()
    {
        var stream = new BrokenStream(failOnDispose: true, failure: () => new ObjectDisposedException("pipe"));
        var inbound = new List<Inbound>();
        var actor = new Actor(_ => { });
        var connection = new FrameConnection(1, stream, FrameOptions.Default, actor, TimeProvider.System, Bound);

        StartCollecting(connection, inbound);
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
    private sealed class StalledStream : TransportStream
    {
        public override bool CanRead => false;

        public override bool CanWrite => true;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>A transport whose reads wait for data that never comes and fail with an IOException when cancelled, as some pipes do when a read is aborted.</summary>
    private sealed class AbortingStream : TransportStream
    {
        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await new TaskCompletionSource<int>().Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException exception)
            {
                throw new IOException("the read was aborted", exception);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    // Starts reading, each report added to `inbound` as the connection makes it.
    private static void StartCollecting(FrameConnection connection, List<Inbound> inbound) =>
        connection.StartReading((_, read) =>
        {
            inbound.Add(read);
            return Task.CompletedTask;
        });

    // Starts reading over `stream`, stops at once, and returns what the connection reported once all of it has run.
    private static async Task<List<Inbound>> InboundAfterStoppingAsync(Stream stream)
    {
        var inbound = new List<Inbound>();
        var actor = new Actor(_ => { });
        await using var connection = new FrameConnection(1, stream, FrameOptions.Default, actor, TimeProvider.System, Bound);
        StartCollecting(connection, inbound);

        connection.StopReading();
        await connection.Reading.WaitAsync(Bound);
        await actor.WhenIdleAsync().WaitAsync(Bound);
        return inbound;
    }

    private static FrameConnection Open(Stream stream) => new(1, stream, FrameOptions.Default, new Actor(_ => { }), TimeProvider.System, Bound);
}

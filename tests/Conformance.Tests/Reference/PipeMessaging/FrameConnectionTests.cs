using Conformance.Engine.LauncherConnector.Launcher;
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

    private static FrameConnection Open(Stream stream) => new(1, stream, FrameOptions.Default, new Actor(_ => { }), TimeProvider.System, Bound);
}

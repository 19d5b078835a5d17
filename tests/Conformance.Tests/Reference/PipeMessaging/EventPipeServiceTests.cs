using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;
using System.Buffers.Binary;

namespace Conformance.Tests.Reference.PipeMessaging;

public class EventPipeServiceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    [NonParallelizable]
    public async Task A_claimed_length_of_2_GiB_allocates_nothing_of_that_size_and_the_service_serves_the_next_client()
    {
        await using var service = new EventPipeService();
        var (hostile, serviceEnd) = DuplexStream.CreatePair();
        service.Attach(serviceEnd);
        var header = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x7FFFFFFF);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await hostile.WriteAsync(header);
        await hostile.FlushAsync();
        var dropped = await service.Journal.WaitUntilAsync(entries => entries.Any(entry => entry.Kind == JournalKinds.Disconnected), Bound);
        await service.WhenIdleAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(dropped, Is.True, "the hostile client was dropped");
        Assert.That(service.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Fault).Detail, Does.StartWith("resource limit"));
        Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), "bytes allocated while refusing a 2 GiB claim (other tests may allocate meanwhile)");

        var (client, nextEnd) = DuplexStream.CreatePair();
        service.Attach(nextEnd);
        await using var writer = FrameWriter.ToStream(client);
        await using var reader = FrameReader.FromStream(client);
        await writer.WriteAsync(PipeMessageCodec.Encode(new Handshake(HandshakeSender.Client), PayloadKind.Json));
        using var limit = new CancellationTokenSource(Bound);
        var answer = await reader.ReadAsync(limit.Token);

        Assert.That(PipeMessageCodec.Decode(answer.Payload.Span).Message, Is.EqualTo(new Handshake(HandshakeSender.Service)));
    }

    [Test]
    public async Task Answers_EmitEvent_with_the_eventId_and_keeps_the_event_while_no_client_is_connected()
    {
        await using var service = new EventPipeService();
        var request = new EmitEventParameters("StateChanged", Payloads.EmptyObject).ToRequest(Guid.NewGuid());

        var response = service.HandleEmitEvent(request);
        await service.WhenIdleAsync();

        Assert.That(response.Status, Is.EqualTo(ResponseStatus.Success));
        Assert.That(service.Pending.Single().EventId.ToString("D"), Is.EqualTo(response.Result!.Value.GetProperty("eventId").GetString()));
    }

    [Test]
    public async Task Refuses_an_EmitEvent_whose_parameters_are_not_an_event()
    {
        await using var service = new EventPipeService();

        var response = service.HandleEmitEvent(new Request(Guid.NewGuid(), ConformanceCommands.EmitEvent, Payloads.EmptyObject));

        Assert.That(response.Status, Is.EqualTo(ResponseStatus.Error));
        Assert.That(response.Error, Does.Contain("eventType"));
    }

    [Test]
    public async Task Refuses_a_missing_stream_or_request()
    {
        await using var service = new EventPipeService();

        Assert.Throws<ArgumentNullException>(() => service.Attach(null!));
        Assert.Throws<ArgumentNullException>(() => service.HandleEmitEvent(null!));
    }

    [Test]
    public async Task Drops_a_client_that_sends_no_Handshake_within_the_configured_deadline()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(new EventPipeServiceSettings { HandshakeDeadline = TimeSpan.FromSeconds(7) }, clock);
        var (client, serviceEnd) = DuplexStream.CreatePair();
        await using var _ = client;
        service.Attach(serviceEnd);
        await service.WhenIdleAsync();

        await clock.AdvanceAsync(TimeSpan.FromSeconds(6));
        await service.WhenIdleAsync();
        Assert.That(service.Journal.Entries.Select(entry => entry.Kind), Does.Not.Contain(JournalKinds.TimedOut), "the configured deadline, not the default 1 s");

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        await service.WhenIdleAsync();
        Assert.That(service.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.TimedOut));
    }

    [Test]
    public async Task Stopping_closes_the_client_being_served_and_every_waiting_one_and_reports_each_end()
    {
        var clock = new ManualTimeProvider();
        var service = new EventPipeService(time: clock);
        var (servedClient, servedEnd) = DuplexStream.CreatePair();
        var (waitingClient, waitingEnd) = DuplexStream.CreatePair();
        await using var first = servedClient;
        await using var second = waitingClient;
        var ends = new List<string>();
        service.Attach(servedEnd, () => ends.Add("served"));
        service.Attach(waitingEnd, () => ends.Add("waiting"));

        await service.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.That(ends, Is.EqualTo(new[] { "served", "waiting" }));
        Assert.That(clock.PendingTimers, Is.Zero, "no deadline was started for the waiting client");
        using var limit = new CancellationTokenSource(Bound);
        Assert.That(await waitingClient.ReadAsync(new byte[1], limit.Token), Is.Zero, "the waiting client's pipe was closed");
    }
}

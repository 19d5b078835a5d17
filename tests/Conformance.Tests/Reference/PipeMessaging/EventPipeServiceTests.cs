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

        Assert.That(() => service.Attach(null!), Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("stream"));
        Assert.That(() => service.HandleEmitEvent(null!), Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("request"));
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

        await RoleStopping.ClosesTheServedThenEveryWaitingClientAsync(service, service.Attach);

        Assert.That(clock.PendingTimers, Is.Zero, "no deadline was started for the waiting client");
    }

    [Test]
    public async Task A_Handshake_deadline_that_falls_due_as_the_Handshake_arrives_does_not_drop_the_client_PM_E02()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);

        // The Handshake is read while the client is accepted, before its deadline is set; firing the deadline the
        // moment it is set queues its check behind the Handshake, which answers it and sets the next deadline.
        var stream = new ScriptedStream(new Handshake(HandshakeSender.Client));
        Action? fireAtOnce = null;
        fireAtOnce = () =>
        {
            clock.TimerScheduled -= fireAtOnce;
            clock.Advance(TimeSpan.FromSeconds(1));
        };
        clock.TimerScheduled += fireAtOnce;
        service.Attach(stream);
        await service.WhenIdleAsync();

        var kinds = service.Journal.Entries.Select(entry => entry.Kind).ToList();
        Assert.That(kinds, Does.Contain(JournalKinds.Sent), "the Handshake was answered");
        Assert.That(kinds, Does.Not.Contain(JournalKinds.TimedOut).And.Not.Contain(JournalKinds.Disconnected), "the stale deadline was ignored");
    }

    [Test]
    public async Task A_client_that_leaves_while_idle_ends_with_no_deadline_running_and_nothing_discarded()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);
        var (peer, ended) = await HandshakenClientAsync(service);

        await peer.DisposeAsync();
        await ended.Task.WaitAsync(Bound);
        await service.WhenIdleAsync();

        Assert.That(clock.PendingTimers, Is.Zero, "the idle interval was released with the connection");
        Assert.That(service.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.PeerClosed).And.Not.Contain(JournalKinds.Discarded));
    }

    [Test]
    public async Task An_undelivered_TrafficChanged_goes_with_the_connection_it_was_meant_for_PM_E08()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);
        var (peer, ended) = await HandshakenClientAsync(service);
        var first = service.Emit("StateChanged", Payloads.EmptyObject);
        await peer.ReadAsync();
        service.Emit(EventTypes.TrafficChanged, Payloads.EmptyObject);
        await service.WhenIdleAsync();

        await peer.DisposeAsync();
        await ended.Task.WaitAsync(Bound);
        await service.WhenIdleAsync();

        Assert.That(service.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Discarded), Is.EqualTo(new PipeJournalEntry(
            clock.GetUtcNow(), JournalKinds.Discarded, 1, "1 undelivered TrafficChanged event(s) dropped with the connection", "PM-E08")));
        Assert.That(service.Pending.Select(pending => pending.EventId), Is.EqualTo(new[] { first }), "the event in flight is kept");
    }

    [Test]
    public async Task A_Confirmation_of_another_event_is_ignored_and_the_event_in_flight_still_awaits_its_own()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);
        var (client, serviceEnd) = DuplexStream.CreatePair();
        await using var peer = new PeerEnd(client);
        service.Attach(serviceEnd);
        await peer.SendAsync(new Handshake(HandshakeSender.Client));
        await peer.ReadAsync();
        var inFlight = service.Emit("StateChanged", Payloads.EmptyObject);
        await peer.ReadAsync();
        var other = Guid.NewGuid();

        await peer.SendAsync(new Confirmation(other));
        Assert.That(await service.Journal.WaitUntilAsync(entries => entries.Any(entry => entry.Kind == JournalKinds.Ignored), Bound), Is.True);
        await service.WhenIdleAsync();

        Assert.That(service.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Ignored).Detail, Is.EqualTo($"a Confirmation of {other}, which is not the event awaiting one"));
        Assert.That(service.Journal.Entries.Select(entry => entry.Kind), Does.Not.Contain(JournalKinds.Confirmed));
        Assert.That(service.Pending.Select(pending => pending.EventId), Is.EqualTo(new[] { inFlight }));
    }

    [Test]
    public async Task An_event_that_occurs_while_the_client_is_idle_takes_the_place_of_the_idle_check()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);
        var (peer, _) = await HandshakenClientAsync(service);
        await service.WhenIdleAsync();
        Assert.That(clock.PendingTimers, Is.EqualTo(1), "the idle check is due");

        service.Emit("StateChanged", Payloads.EmptyObject);
        await peer.ReadAsync();
        await service.WhenIdleAsync();

        Assert.That(clock.PendingTimers, Is.EqualTo(1), "only the event's Confirmation deadline runs");
        await peer.DisposeAsync();
    }

    [Test]
    public async Task A_client_that_cannot_take_the_answer_to_its_Handshake_is_dropped_with_no_deadline_left_running()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);

        service.Attach(new ScriptedStream(failWrites: true, new Handshake(HandshakeSender.Client)));
        await service.WhenIdleAsync();

        Assert.That(service.Journal.Entries.Single(entry => entry.Kind == JournalKinds.PeerClosed).Detail, Is.EqualTo("the client did not take the Handshake"));
        Assert.That(clock.PendingTimers, Is.Zero, "nothing was armed for the client that is gone");
    }

    [Test]
    public async Task The_deadline_a_client_message_answers_is_released_before_the_service_writes_again()
    {
        var clock = new ManualTimeProvider();
        await using var service = new EventPipeService(time: clock);
        var first = service.Emit("StateChanged", Payloads.EmptyObject);
        var second = service.Emit("StateChanged", Payloads.EmptyObject);
        var stream = new ScriptedStream(new Handshake(HandshakeSender.Client));

        // Looked at on each write: the Handshake, Confirmation or keep-alive answer that led to it ended its deadline.
        var pendingAtWrites = new List<int>();
        stream.OnWrite = () => pendingAtWrites.Add(clock.PendingTimers);
        service.Attach(stream);
        await service.WhenIdleAsync();
        await SendAndSettleAsync(service, stream, new Confirmation(first));
        await SendAndSettleAsync(service, stream, new Confirmation(second));

        // Idle: the keep-alive Handshake goes out; an event that occurs meanwhile waits for the answer.
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        await service.WhenIdleAsync();
        service.Emit("StateChanged", Payloads.EmptyObject);
        await service.WhenIdleAsync();
        var writesBefore = pendingAtWrites.Count;
        await SendAndSettleAsync(service, stream, new Handshake(HandshakeSender.Client), JournalKinds.Received);

        Assert.That(pendingAtWrites.Count, Is.GreaterThan(writesBefore), "the event went out after the keep-alive answer");
        Assert.That(pendingAtWrites, Is.All.EqualTo(1), "the one timer running is the write's own bound");
        Assert.That(service.Journal.Entries.Select(entry => entry.Kind), Does.Not.Contain(JournalKinds.Disconnected));
        await stream.DisposeAsync();
    }

    [Test]
    public async Task What_a_replaced_client_wrote_before_it_was_dropped_is_not_held_against_the_next_one()
    {
        await using var service = new EventPipeService(time: new ManualTimeProvider());

        // Both the payload that is not a message and the end after it are read while the client is accepted, so
        // the end is still queued when the next client takes the pipe.
        var dropped = new MemoryStream(FrameWriter.Encode("not a message"u8));
        var (next, nextEnd) = DuplexStream.CreatePair();
        await using var _ = next;
        service.Attach(dropped);
        service.Attach(nextEnd);
        await service.WhenIdleAsync();

        Assert.That(service.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.Fault).And.Not.Contain(JournalKinds.PeerClosed));
        Assert.That(service.Journal.Entries.Last(), Has.Property(nameof(PipeJournalEntry.Kind)).EqualTo(JournalKinds.Accepted).And.Property(nameof(PipeJournalEntry.Connection)).EqualTo(2));
    }

    // A client over an in-memory pipe whose Handshake the service has answered, and the task that completes when the service lets it go.
    private static async Task<(PeerEnd Peer, TaskCompletionSource Ended)> HandshakenClientAsync(EventPipeService service)
    {
        var (client, serviceEnd) = DuplexStream.CreatePair();
        var peer = new PeerEnd(client);
        var ended = new TaskCompletionSource();
        service.Attach(serviceEnd, ended.SetResult);
        await peer.SendAsync(new Handshake(HandshakeSender.Client));
        await peer.ReadAsync();
        return (peer, ended);
    }

    private static async Task SendAndSettleAsync(EventPipeService service, ScriptedStream stream, PipeMessage message, string kind = JournalKinds.Confirmed)
    {
        var before = service.Journal.Entries.Count(entry => entry.Kind == kind);
        stream.Send(message);
        Assert.That(await service.Journal.WaitUntilAsync(entries => entries.Count(entry => entry.Kind == kind) > before, Bound), Is.True);
        await service.WhenIdleAsync();
    }
}

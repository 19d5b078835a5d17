using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class EventPipeClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public void Refuses_a_missing_connect_function()
    {
        Assert.That(() => new EventPipeClient(null!), Throws.ArgumentNullException);
    }

    [Test]
    public async Task Sends_its_Handshake_first_in_the_configured_form_and_releases_the_time_out_once_the_service_answers()
    {
        var clock = new ManualTimeProvider();
        var services = new Services();
        await using var client = new EventPipeClient(services.ConnectAsync, new EventPipeClientSettings { Form = PayloadKind.Xml }, clock);
        client.Start();
        client.Start();
        var service = await services.NextAsync();

        var handshake = await service.ReadAsync();
        await client.WhenIdleAsync();
        Assert.That(clock.PendingTimers, Is.EqualTo(1), "the handshake time-out runs");
        await service.SendAsync(new Handshake(HandshakeSender.Service));
        await client.Journal.WaitUntilAsync(entries => entries.Any(entry => entry.Kind == JournalKinds.Received), Bound);
        await client.WhenIdleAsync();

        Assert.That((char)handshake.Payload.Span[0], Is.EqualTo('<'));
        Assert.That(Payloads.Decode(handshake.Payload).Message, Is.EqualTo(new Handshake(HandshakeSender.Client)));
        Assert.That(clock.PendingTimers, Is.Zero, "a completed exchange has no time-out left");
        Assert.That((client.Instances, services.Connects), Is.EqualTo((1, 1)), "a second Start connects no second instance");
    }

    [Test]
    public async Task An_instance_without_the_services_Handshake_within_the_configured_time_out_is_replaced_under_PM_E04()
    {
        var clock = new ManualTimeProvider();
        var services = new Services();
        await using var client = new EventPipeClient(services.ConnectAsync, new EventPipeClientSettings { HandshakeTimeout = TimeSpan.FromSeconds(1) }, clock);
        clock.AddQuietProbe(client.WhenIdleAsync);
        client.Start();
        var first = await services.NextAsync();
        await first.ReadAsync();
        await client.WhenIdleAsync();

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var second = await services.NextAsync();

        var timedOut = client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.TimedOut);
        Assert.That(timedOut.Detail, Is.EqualTo("no Handshake from the service within 1000 ms; this instance disposes of itself"));
        Assert.That(timedOut.Requirement, Is.EqualTo("PM-E04"));
        Assert.That((await first.ReadAsync()).IsEnd, Is.True, "the replaced instance closed its connection");
        Assert.That(client.Instances, Is.EqualTo(2));
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Test]
    public async Task A_time_out_that_falls_due_as_the_services_Handshake_arrives_does_not_replace_the_instance()
    {
        var clock = new ManualTimeProvider();
        var settings = new EventPipeClientSettings { HandshakeTimeout = TimeSpan.FromSeconds(1) };

        // The service's Handshake is read as the instance connects, before it sets the time-out.
        await using var client = new EventPipeClient(_ => Task.FromResult<Stream>(new ScriptedStream(new Handshake(HandshakeSender.Service))), settings, clock);
        FallDueAtOnce.AfterTheFirstSend(clock, client.Journal, settings.HandshakeTimeout);

        client.Start();
        await client.WhenIdleAsync();

        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.Received).And.No.Member(JournalKinds.TimedOut));
        Assert.That(client.Instances, Is.EqualTo(1));
    }

    [Test]
    public async Task A_time_out_that_falls_due_as_the_service_closes_the_connection_leaves_the_replacing_instance_alone()
    {
        var clock = new ManualTimeProvider();
        var settings = new EventPipeClientSettings { HandshakeTimeout = TimeSpan.FromSeconds(1) };

        // The first connection's end is read as the instance connects, before it sets the time-out.
        var streams = new Queue<Stream>([new MemoryStream(), new ScriptedStream()]);
        await using var client = new EventPipeClient(_ => Task.FromResult(streams.TryDequeue(out var next) ? next : new ScriptedStream()), settings, clock);
        FallDueAtOnce.AfterTheFirstSend(clock, client.Journal, settings.HandshakeTimeout);

        client.Start();
        await client.WhenIdleAsync();

        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.PeerClosed).And.No.Member(JournalKinds.TimedOut));
        Assert.That(client.Instances, Is.EqualTo(2), "the stale time-out replaced no second instance");
    }

    [Test]
    public async Task A_failed_connect_is_journalled_and_tried_again_after_the_retry_interval()
    {
        var clock = new ManualTimeProvider();
        var services = new Services(failures: 1);
        await using var client = new EventPipeClient(services.ConnectAsync, new EventPipeClientSettings { RetryInterval = TimeSpan.FromMilliseconds(250) }, clock);
        clock.AddQuietProbe(client.WhenIdleAsync);
        client.Start();
        await client.WhenIdleAsync();

        Assert.That(client.Journal.Entries.Single().Kind, Is.EqualTo(JournalKinds.ConnectFailed));
        Assert.That(client.Journal.Entries.Single().Detail, Is.EqualTo("no such pipe; trying again in 250 ms"));
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(249));
        Assert.That(services.Connects, Is.EqualTo(1));
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        await using var service = await services.NextAsync();
        Assert.That(client.Instances, Is.EqualTo(1));
    }

    [Test]
    public async Task Disposal_releases_a_pending_retry()
    {
        var clock = new ManualTimeProvider();
        var services = new Services(failures: 1);
        var client = new EventPipeClient(services.ConnectAsync, time: clock);
        client.Start();
        await client.WhenIdleAsync();
        Assert.That(clock.PendingTimers, Is.EqualTo(1));

        await client.DisposeAsync();

        Assert.That(clock.PendingTimers, Is.Zero);
    }

    [Test]
    public async Task Disposal_while_connecting_is_no_connect_failure()
    {
        var clock = new ManualTimeProvider();
        var connecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new EventPipeClient(
            async token =>
            {
                connecting.TrySetResult();
                // A connect that only ever ends by the client's cancellation.
                await new TaskCompletionSource().Task.WaitAsync(token);
                throw new InvalidOperationException("never reached");
            },
            time: clock);
        client.Start();
        await connecting.Task.WaitAsync(Bound);

        await client.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.That(client.Journal.Entries, Is.Empty);
        Assert.That(clock.PendingTimers, Is.Zero);
    }

    [Test]
    public async Task Disposal_closes_the_instance_and_releases_its_time_out()
    {
        var clock = new ManualTimeProvider();
        var services = new Services();
        var client = new EventPipeClient(services.ConnectAsync, time: clock);
        client.Start();
        await using var service = await services.NextAsync();
        await service.ReadAsync();
        await client.WhenIdleAsync();

        await client.DisposeAsync();

        Assert.That(clock.PendingTimers, Is.Zero);
        Assert.That((await service.ReadAsync()).IsEnd, Is.True);
    }

    [Test]
    public async Task A_service_that_closes_is_journalled_as_such_and_a_new_instance_connects()
    {
        var services = new Services();
        await using var client = new EventPipeClient(services.ConnectAsync);
        client.Start();
        var first = await services.NextAsync();
        await first.ReadAsync();

        await first.DisposeAsync();
        await using var second = await services.NextAsync();

        var closed = client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.PeerClosed);
        Assert.That((closed.Connection, closed.Detail), Is.EqualTo((1, "the peer closed the connection")));
        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Has.No.Member(JournalKinds.Fault).And.No.Member(JournalKinds.Crashed));
    }

    [Test]
    public async Task An_instance_whose_Handshake_the_service_does_not_take_is_replaced_and_only_the_new_one_waits()
    {
        var clock = new ManualTimeProvider();
        var services = new Services(broken: 1);
        await using var client = new EventPipeClient(services.ConnectAsync, time: clock);
        client.Start();
        await using var service = await services.NextAsync();
        await service.ReadAsync();
        await client.WhenIdleAsync();

        var closed = client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.PeerClosed);
        Assert.That((closed.Connection, closed.Detail), Is.EqualTo((1, "the service did not take the Handshake")));
        Assert.That(clock.PendingTimers, Is.EqualTo(1), "only the new instance's time-out runs");
        Assert.That(client.Journal.Entries.Where(entry => entry.Connection == 2).Select(entry => entry.Kind), Is.EqualTo(new[] { JournalKinds.Accepted, JournalKinds.Sent }), "the first connection's late news does not touch the second");
    }

    [Test]
    public async Task An_instance_sent_a_frame_that_is_no_message_is_replaced_under_PM_F03_and_its_time_out_released()
    {
        var clock = new ManualTimeProvider();
        var services = new Services();
        await using var client = new EventPipeClient(services.ConnectAsync, time: clock);
        client.Start();
        await using var first = await services.NextAsync();
        await first.ReadAsync();
        await client.WhenIdleAsync();

        await first.Writer.WriteAsync("not json"u8.ToArray());
        await using var second = await services.NextAsync();
        await second.ReadAsync();
        await client.WhenIdleAsync();

        var fault = client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Fault);
        Assert.That((fault.Connection, fault.Requirement), Is.EqualTo((1, "PM-F03")));
        Assert.That(fault.Detail, Does.StartWith("frame 1 is not a message: "));
        Assert.That(clock.PendingTimers, Is.EqualTo(1), "only the new instance's Handshake time-out runs");
        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Has.No.Member(JournalKinds.Received).And.No.Member(JournalKinds.Crashed), "the frame was not taken as a message");
    }

    /// <summary>Hands out service ends: first <c>failures</c> connects fail, then <c>broken</c> broken transports, then working in-memory pairs.</summary>
    private sealed class Services(int failures = 0, int broken = 0)
    {
        private readonly System.Threading.Channels.Channel<PeerEnd> _connected = System.Threading.Channels.Channel.CreateUnbounded<PeerEnd>();

        public int Connects { get; private set; }

        public Task<Stream> ConnectAsync(CancellationToken cancellationToken)
        {
            Connects++;
            if (Connects <= failures)
            {
                return Task.FromException<Stream>(new IOException("no such pipe"));
            }

            if (Connects <= failures + broken)
            {
                return Task.FromResult<Stream>(new BrokenStream());
            }

            var (clientEnd, serviceEnd) = DuplexStream.CreatePair();
            _connected.Writer.TryWrite(new PeerEnd(serviceEnd));
            return Task.FromResult<Stream>(clientEnd);
        }

        public async Task<PeerEnd> NextAsync() => await _connected.Reader.ReadAsync().AsTask().WaitAsync(Bound);
    }
}

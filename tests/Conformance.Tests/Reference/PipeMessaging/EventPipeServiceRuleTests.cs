using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>The reference event-pipe service's own rules, in process over in-memory streams and the manual clock.</summary>
public class EventPipeServiceRuleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

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

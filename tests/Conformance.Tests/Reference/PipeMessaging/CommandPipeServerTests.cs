using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Protocols.Transport;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class CommandPipeServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Over_a_real_pipe_serves_waiting_clients_in_the_order_they_came()
    {
        await using var server = new CommandPipeServer(CommandHandler.Standalone);
        var name = PipeName.NewUnique("pmt");
        await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        using var stop = new CancellationTokenSource(Bound);
        var serving = PipeHosting.ServeAsync(listener, server.Attach, stop.Token);

        // The first holds the server with half a request; the other two wait in the backlog.
        var clients = new List<Stream>();
        for (var index = 0; index < 3; index++)
        {
            clients.Add(await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default, stop.Token));
        }

        var requests = clients.Select((_, index) => new Request(Guid.NewGuid(), CommandHandler.Echo, Payloads.EmptyObject)).ToList();
        var first = FrameWriter.Encode(PipeMessageCodec.Encode(requests[0], PayloadKind.Json));
        await clients[0].WriteAsync(first.AsMemory(0, 5), stop.Token);
        for (var index = 1; index < 3; index++)
        {
            await clients[index].WriteAsync(FrameWriter.Encode(PipeMessageCodec.Encode(requests[index], PayloadKind.Json)), stop.Token);
        }

        await clients[0].WriteAsync(first.AsMemory(5), stop.Token);
        for (var index = 0; index < 3; index++)
        {
            await using var reader = FrameReader.FromStream(clients[index]);
            var answer = await reader.ReadAsync(stop.Token);
            var end = await reader.ReadAsync(stop.Token);

            Assert.That(PipeMessageCodec.Decode(answer.Payload.Span).Message, Is.InstanceOf<Response>().With.Property(nameof(Response.RequestId)).EqualTo(requests[index].RequestId));
            Assert.That(end.IsEnd, Is.True, "one request, one response, then the server closes (PM-C01)");
        }

        var accepted = server.Journal.Entries.Where(entry => entry.Kind == JournalKinds.Accepted).Select(entry => entry.Connection);
        Assert.That(accepted, Is.EqualTo(new[] { 1, 2, 3 }));
        await stop.CancelAsync();
        await serving;
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Test]
    public async Task Refuses_a_missing_handler_or_stream()
    {
        Assert.That(() => _ = new CommandPipeServer(null!), Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("handler"));
        await using var server = new CommandPipeServer(CommandHandler.Standalone);
        Assert.That(() => server.Attach(null!), Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("stream"));
    }

    [Test]
    public async Task A_command_that_throws_is_answered_with_an_Error_that_says_why()
    {
        await using var server = new CommandPipeServer(_ => throw new InvalidOperationException("no such device"));
        var (client, serverEnd) = DuplexStream.CreatePair();
        server.Attach(serverEnd);
        var request = new Request(Guid.NewGuid(), CommandHandler.Echo, Payloads.EmptyObject);

        var response = await ExchangeAsync(client, request);

        Assert.That(response.RequestId, Is.EqualTo(request.RequestId));
        Assert.That(response.Status, Is.EqualTo(ResponseStatus.Error));
        Assert.That(response.Error, Is.EqualTo("the command failed: no such device"));
    }

    [Test]
    public async Task Closes_a_client_whose_request_is_not_whole_within_the_configured_deadline_PM_C03()
    {
        var clock = new ManualTimeProvider();
        await using var server = new CommandPipeServer(CommandHandler.Standalone, new CommandPipeServerSettings { RequestDeadline = TimeSpan.FromSeconds(1) }, clock);
        var (client, serverEnd) = DuplexStream.CreatePair();
        await using var _ = client;
        server.Attach(serverEnd);
        await server.WhenIdleAsync();

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        await server.WhenIdleAsync();

        var timedOut = server.Journal.Entries.Single(entry => entry.Kind == JournalKinds.TimedOut);
        Assert.That(timedOut.Detail, Is.EqualTo("no whole request within 1 s"));
        Assert.That(clock.PendingTimers, Is.Zero);
    }

    [Test]
    public async Task A_client_that_closes_before_its_request_ends_its_turn_as_peer_closed_and_leaves_no_deadline_running()
    {
        var clock = new ManualTimeProvider();
        await using var server = new CommandPipeServer(CommandHandler.Standalone, time: clock);
        var (client, serverEnd) = DuplexStream.CreatePair();
        var ended = new TaskCompletionSource();
        server.Attach(serverEnd, ended.SetResult);
        await server.WhenIdleAsync();

        await client.DisposeAsync();
        await ended.Task.WaitAsync(Bound);
        await server.WhenIdleAsync();

        Assert.That(server.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.PeerClosed).And.No.Contain(JournalKinds.Fault));
        Assert.That(clock.PendingTimers, Is.Zero, "the request deadline was released");
    }

    [Test]
    public async Task Stopping_closes_the_client_being_served_and_every_waiting_one_and_reports_each_end()
    {
        var server = new CommandPipeServer(CommandHandler.Standalone, time: new ManualTimeProvider());

        await RoleStopping.ClosesTheServedThenEveryWaitingClientAsync(server, server.Attach);

        Assert.That(server.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Disconnected).Detail, Is.EqualTo("the server is stopping"));
    }

    [Test]
    public async Task Without_settings_a_client_has_the_default_3_s_for_its_request()
    {
        var clock = new ManualTimeProvider();
        await using var server = new CommandPipeServer(CommandHandler.Standalone, null, clock);
        var (client, serverEnd) = DuplexStream.CreatePair();
        await using var _ = client;
        server.Attach(serverEnd);
        await server.WhenIdleAsync();

        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));
        await server.WhenIdleAsync();

        Assert.That(server.Journal.Entries.Single(entry => entry.Kind == JournalKinds.TimedOut).Detail, Is.EqualTo("no whole request within 3 s"));
    }

    [Test]
    public async Task Once_a_request_is_whole_its_deadline_is_released_and_nothing_more_is_read_while_it_is_carried_out_PM_C01()
    {
        var clock = new ManualTimeProvider();
        var stream = new ScriptedStream(new Request(Guid.NewGuid(), CommandHandler.Echo, Payloads.EmptyObject));
        var pendingTimers = -1;
        var readingStopped = false;
        await using var server = new CommandPipeServer(
            request =>
            {
                // Looked at while the command runs: the exchange is under way, so no deadline should cut it short.
                pendingTimers = clock.PendingTimers;
                readingStopped = stream.LastReadToken.IsCancellationRequested;
                return CommandHandler.Standalone(request);
            },
            time: clock);

        server.Attach(stream);
        await server.WhenIdleAsync();

        Assert.That(pendingTimers, Is.Zero, "the request deadline was released when the request was whole");
        Assert.That(readingStopped, Is.True, "the read after the request was cancelled before the command ran");
        Assert.That(server.Journal.Entries.Select(entry => entry.Kind), Does.Contain(JournalKinds.Sent));
    }

    [Test]
    public async Task A_request_deadline_that_falls_due_as_its_client_leaves_does_not_cut_short_the_next_client()
    {
        var clock = new ManualTimeProvider();
        await using var server = new CommandPipeServer(CommandHandler.Standalone, time: clock);

        // An empty stream ends at the first read, which the server makes while accepting the client, before it
        // sets the deadline; firing the deadline the moment it is set queues its check behind that end, by which
        // time the next client is served.
        var leaving = new MemoryStream();
        var (next, nextEnd) = DuplexStream.CreatePair();
        await using var _ = next;
        Action? fireAtOnce = null;
        fireAtOnce = () =>
        {
            clock.TimerScheduled -= fireAtOnce;
            clock.Advance(TimeSpan.FromSeconds(3));
        };
        clock.TimerScheduled += fireAtOnce;
        server.Attach(leaving);
        server.Attach(nextEnd);
        await server.WhenIdleAsync();

        var kinds = server.Journal.Entries.Select(entry => entry.Kind).ToList();
        Assert.That(kinds, Does.Contain(JournalKinds.PeerClosed), "the first client left");
        Assert.That(kinds, Does.Not.Contain(JournalKinds.TimedOut), "the first client's deadline was stale by the time it was checked");
        Assert.That(server.Journal.Entries.Last(), Has.Property(nameof(PipeJournalEntry.Kind)).EqualTo(JournalKinds.Accepted).And.Property(nameof(PipeJournalEntry.Connection)).EqualTo(2));
    }

    private static async Task<Response> ExchangeAsync(Stream client, Request request)
    {
        await using var writer = FrameWriter.ToStream(client);
        await using var reader = FrameReader.FromStream(client);
        await writer.WriteAsync(PipeMessageCodec.Encode(request, PayloadKind.Json));
        using var limit = new CancellationTokenSource(Bound);
        var answer = await reader.ReadAsync(limit.Token);
        return (Response)PipeMessageCodec.Decode(answer.Payload.Span).Message!;
    }
}

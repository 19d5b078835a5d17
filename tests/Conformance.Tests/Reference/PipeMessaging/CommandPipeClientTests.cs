using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Engine.Timing;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class CommandPipeClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public void Refuses_a_missing_connect_function_and_a_missing_request()
    {
        Assert.That(() => new CommandPipeClient(null!), Throws.ArgumentNullException);
        var client = new CommandPipeClient(_ => Task.FromResult<Stream>(new BrokenStream()));
        Assert.That(() => client.SendAsync(null!), Throws.ArgumentNullException);
    }

    [Test]
    public async Task Answers_a_request_with_the_response_bearing_its_requestId_in_the_configured_form_and_releases_the_time_out()
    {
        var clock = new ManualTimeProvider();
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd), new CommandPipeClientSettings { Form = PayloadKind.Xml }, clock);
        await using var server = new PeerEnd(serverEnd);
        var request = Echo();

        var answer = client.SendAsync(request);
        var written = await server.ReadAsync();
        await server.SendAsync(Response.Success(request.RequestId, Payloads.EmptyObject));
        var outcome = await answer.WaitAsync(Bound);

        Assert.That((char)written.Payload.Span[0], Is.EqualTo('<'), "the request went in the form the settings ask for");
        Assert.That(outcome.Answered, Is.True);
        Assert.That(outcome.Response!.RequestId, Is.EqualTo(request.RequestId));
        Assert.That(clock.PendingTimers, Is.Zero, "an answered request has no time-out left");
        Assert.That((await server.ReadAsync()).IsEnd, Is.True, "the client closed its connection (PM-C01)");
    }

    [Test]
    public async Task A_request_while_another_is_under_way_is_refused_and_the_first_still_gets_its_answer()
    {
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        var connects = 0;
        await using var client = new CommandPipeClient(_ =>
        {
            connects++;
            return Task.FromResult<Stream>(clientEnd);
        });
        await using var server = new PeerEnd(serverEnd);
        var first = Echo();

        var firstAnswer = client.SendAsync(first);
        await server.ReadAsync();
        var second = await client.SendAsync(Echo()).WaitAsync(Bound);
        await server.SendAsync(Response.Success(first.RequestId, Payloads.EmptyObject));

        Assert.That(second.Failure, Is.EqualTo("another request is under way"));
        Assert.That((await firstAnswer.WaitAsync(Bound)).Answered, Is.True);
        Assert.That(connects, Is.EqualTo(1), "the refused request opened no connection");
    }

    [Test]
    public async Task A_client_disposed_during_a_request_answers_it_with_a_failure_and_releases_its_time_out_and_connection()
    {
        var clock = new ManualTimeProvider();
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd), time: clock);
        await using var server = new PeerEnd(serverEnd);

        var answer = client.SendAsync(Echo());
        await server.ReadAsync();
        await client.DisposeAsync();
        var outcome = await answer.WaitAsync(Bound);

        Assert.That(outcome.Failure, Is.EqualTo("the client was disposed"));
        Assert.That(clock.PendingTimers, Is.Zero);
        Assert.That((await server.ReadAsync()).IsEnd, Is.True);
    }

    [Test]
    public async Task A_connect_failure_fails_the_request_with_the_reason_and_journals_it()
    {
        await using var client = new CommandPipeClient(_ => Task.FromException<Stream>(new IOException("no such pipe")));

        var outcome = await client.SendAsync(Echo()).WaitAsync(Bound);

        Assert.That(outcome.Failure, Is.EqualTo("could not connect: no such pipe"));
        Assert.That(client.Journal.Entries.Single().Kind, Is.EqualTo(JournalKinds.ConnectFailed));
        Assert.That(client.Journal.Entries.Single().Detail, Is.EqualTo("no such pipe"));
    }

    [Test]
    public async Task A_server_that_does_not_take_the_request_fails_it_as_closed_by_the_peer()
    {
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(new BrokenStream()));

        var outcome = await client.SendAsync(Echo()).WaitAsync(Bound);
        await client.WhenIdleAsync();

        Assert.That(outcome.Failure, Is.EqualTo("the server did not take the request"));
        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Has.Member(JournalKinds.PeerClosed).And.No.Member(JournalKinds.Sent));
    }

    [Test]
    public async Task No_response_within_the_time_out_fails_the_request_under_PM_C04()
    {
        var clock = new ManualTimeProvider();
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd), new CommandPipeClientSettings { ResponseTimeout = TimeSpan.FromSeconds(2) }, clock);
        clock.AddQuietProbe(client.WhenIdleAsync);
        await using var server = new PeerEnd(serverEnd);

        var answer = client.SendAsync(Echo());
        await server.ReadAsync();
        await client.WhenIdleAsync();
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1999));
        Assert.That(answer.IsCompleted, Is.False, "the time-out has not passed yet");
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        var outcome = await answer.WaitAsync(Bound);

        Assert.That(outcome.Failure, Is.EqualTo("no response within 2 s"));
        var timedOut = client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.TimedOut);
        Assert.That(timedOut.Requirement, Is.EqualTo("PM-C04"));
    }

    [Test]
    public async Task A_time_out_that_falls_due_as_the_response_arrives_does_not_fail_the_answered_request()
    {
        var clock = new ManualTimeProvider();
        var request = Echo();

        // The response is read as the client connects, before it sets the time-out.
        var stream = new ScriptedStream(Response.Success(request.RequestId, Payloads.EmptyObject));
        var settings = new CommandPipeClientSettings { ResponseTimeout = TimeSpan.FromSeconds(2) };
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(stream), settings, clock);
        FallDueAtOnce.AfterTheFirstSend(clock, client.Journal, settings.ResponseTimeout);

        var outcome = await client.SendAsync(request).WaitAsync(Bound);
        await client.WhenIdleAsync();

        Assert.That(outcome.Answered, Is.True);
        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Does.Not.Contain(JournalKinds.TimedOut), "the time-out found the exchange over");
    }

    [Test]
    public async Task A_frame_that_is_not_a_message_fails_the_request_under_PM_F03()
    {
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd));
        await using var server = new PeerEnd(serverEnd);

        var answer = client.SendAsync(Echo());
        await server.ReadAsync();
        await server.Writer.WriteAsync("{\"no\":1}"u8.ToArray());
        var outcome = await answer.WaitAsync(Bound);

        Assert.That(outcome.Failure, Does.StartWith("frame 1 is not a message: "));
        Assert.That(client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Fault).Requirement, Is.EqualTo("PM-F03"));
    }

    [Test]
    public async Task A_response_to_another_request_fails_the_request_under_PM_F03()
    {
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd));
        await using var server = new PeerEnd(serverEnd);
        var request = Echo();

        var answer = client.SendAsync(request);
        await server.ReadAsync();
        await server.SendAsync(Response.Success(Guid.NewGuid(), Payloads.EmptyObject));
        var outcome = await answer.WaitAsync(Bound);

        Assert.That(outcome.Failure, Does.StartWith("frame 1 is ").And.EndWith($", not the response to request {request.RequestId}"));
        Assert.That(outcome.Failure, Does.Not.Contain("not a message"));
        Assert.That(client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Fault).Requirement, Is.EqualTo("PM-F03"));
    }

    [Test]
    public async Task A_server_that_closes_before_answering_fails_the_request_as_closed_by_the_peer()
    {
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd));
        var server = new PeerEnd(serverEnd);

        var answer = client.SendAsync(Echo());
        await server.ReadAsync();
        await server.DisposeAsync();
        var outcome = await answer.WaitAsync(Bound);

        Assert.That(outcome.Failure, Is.EqualTo("the peer closed the connection"));
        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Has.Member(JournalKinds.PeerClosed).And.No.Member(JournalKinds.Fault));
    }

    [Test]
    public async Task A_zero_length_frame_fails_the_request_as_a_fault_under_PM_F06()
    {
        var (clientEnd, serverEnd) = DuplexStream.CreatePair();
        await using var client = new CommandPipeClient(_ => Task.FromResult<Stream>(clientEnd));
        await using var server = new PeerEnd(serverEnd);

        var answer = client.SendAsync(Echo());
        await server.ReadAsync();
        await serverEnd.WriteAsync(new byte[4]);
        await serverEnd.FlushAsync();
        await answer.WaitAsync(Bound);

        var fault = client.Journal.Entries.Single(entry => entry.Kind == JournalKinds.Fault);
        Assert.That(fault.Requirement, Is.EqualTo("PM-F06"));
        Assert.That(client.Journal.Entries.Select(entry => entry.Kind), Has.No.Member(JournalKinds.PeerClosed));
    }

    private static Request Echo() => new(Guid.NewGuid(), CommandHandler.Echo, Payloads.EmptyObject);
}

using System.IO.Pipelines;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.GetDcvInfoResponse.Types;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>A control session's ends that a scripted party does not reach: the broker's own stop, a party gone deaf or away.</summary>
public class BrokerSessionTests
{
    [Test]
    public async Task Stops_a_session_attached_to_it_when_the_broker_is_disposed_and_completes_its_channel()
    {
        var broker = new DcvBroker();
        var toBroker = new Pipe();
        var fromBroker = new Pipe();
        var session = broker.Attach(new BrokerParty("attached", DcvRole.Server, "conformance"), toBroker.Reader, fromBroker.Writer);

        await broker.DisposeAsync().AsTask().WaitAsync(ScriptedParty.Bound);

        Assert.That(session.Ended.IsCompletedSuccessfully, Is.True, "the broker knew of the session and stopped it");
        Assert.That(session.Ended.Result, Is.EqualTo(new SessionEnd(SessionEndReason.Stopped, "the broker stopped")));
        Assert.That(session.Closed.IsCompletedSuccessfully, Is.True);
        Assert.That((await fromBroker.Reader.ReadAsync().AsTask().WaitAsync(ScriptedParty.Bound)).IsCompleted, Is.True, "the party sees its channel end");
        Assert.That(broker.Journal.OfType<SessionEnded>().Select(ended => (ended.Party, ended.End)),
            Is.EqualTo(new[] { ("attached", new SessionEnd(SessionEndReason.Stopped, "the broker stopped")) }));
    }

    [Test]
    public async Task Ends_the_session_of_a_party_that_no_longer_reads_its_channel_when_an_answer_cannot_be_written()
    {
        await using var broker = new DcvBroker();
        var toBroker = new Pipe();
        var fromBroker = new Pipe();
        var session = broker.Attach(new BrokerParty("gone", DcvRole.Server, "conformance"), toBroker.Reader, fromBroker.Writer);
        await using var requests = new ControlFrameWriter<ExtensionMessage>(toBroker.Writer);

        // The party stops listening, then asks: the answer finds nobody to read it.
        await fromBroker.Reader.CompleteAsync();
        await requests.WriteAsync(new ExtensionMessage { Request = new Request { RequestId = "1", GetDcvInfoRequest = new GetDcvInfoRequest() } });
        var end = await session.Ended.WaitAsync(ScriptedParty.Bound);
        await session.Closed.WaitAsync(ScriptedParty.Bound);

        Assert.That(end, Is.EqualTo(new SessionEnd(SessionEndReason.ControlChannelEnded, "the control channel to gone closed while a message was being written")));
        Assert.That(broker.Journal.OfType<ControlMessageSent>(), Is.Empty, "nothing was written");
        await session.DisposeAsync();
    }

    [Test]
    public async Task Closes_a_channel_for_the_other_party_even_when_the_closer_s_session_ends_before_its_close_response_is_written()
    {
        await using var broker = new DcvBroker();
        await using var remote = ScriptedParty.Remote(broker);
        var toBroker = new Pipe();

        // The broker's flush toward the closer waits until the closer reads, which it does only when told to.
        var fromBroker = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1));
        var session = broker.Attach(new BrokerParty("closer", DcvRole.Server, "conformance"), toBroker.Reader, fromBroker.Writer);
        await using var requests = new ControlFrameWriter<ExtensionMessage>(toBroker.Writer);
        await using var responses = new ControlFrameReader<DcvMessage>(fromBroker.Reader);
        await requests.WriteAsync(new ExtensionMessage
        {
            Request = new Request
            {
                RequestId = "setup",
                SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = "echo", RelayClientProcessId = Environment.ProcessId },
            },
        });
        var setup = await responses.ReadAsync().AsTask().WaitAsync(ScriptedParty.Bound);
        Assert.That(setup.Message?.Response.Status, Is.EqualTo(Response.Types.Status.Success));
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");

        await requests.WriteAsync(new ExtensionMessage
        {
            Request = new Request { RequestId = "close", CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = "echo" } },
        });

        // The close response's bytes are in the pipe, unread: the channel is out of the table, the response not yet written.
        await fromBroker.Reader.ReadAsync().AsTask().WaitAsync(ScriptedParty.Bound);
        await session.StopAsync().WaitAsync(ScriptedParty.Bound);

        Assert.That((await remote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"), "VC-09: the other party is told");
        Assert.That(await RelayBytes.ReadToEndAsync(remoteRelay), Is.Empty, "its relay ends too");
        Assert.That(broker.Channels, Is.Empty);
        Assert.That(broker.Journal.OfType<ChannelClosed>().Select(closed => (closed.Party, closed.Channel, closed.Why)),
            Is.EqualTo(new[] { ("closer", "echo", "closer closed it (VC-09)") }));
        await session.DisposeAsync();
    }
    [Test]
    public async Task Answers_false_to_an_event_sent_after_the_session_ended()
    {
        await using var broker = new DcvBroker();
        var session = broker.Attach(new BrokerParty("ended", DcvRole.Server, "conformance"), new Pipe().Reader, new Pipe().Writer);
        await session.StopAsync().WaitAsync(ScriptedParty.Bound);

        Assert.That(await session.SendAsync(Events.Closed("echo")).WaitAsync(ScriptedParty.Bound), Is.False);
        Assert.That(broker.Journal.OfType<ControlMessageSent>(), Is.Empty);
    }

    [Test]
    public async Task Answers_false_to_events_still_queued_or_being_written_when_the_session_ends()
    {
        await using var broker = new DcvBroker();

        // The broker's flush toward the party waits until the party reads, which it never does.
        var fromBroker = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1));
        var session = broker.Attach(new BrokerParty("slow", DcvRole.Server, "conformance"), new Pipe().Reader, fromBroker.Writer);
        var writing = session.SendAsync(Events.Closed("first"));
        await fromBroker.Reader.ReadAsync().AsTask().WaitAsync(ScriptedParty.Bound);
        var queued = session.SendAsync(Events.Closed("second"));

        await session.StopAsync().WaitAsync(ScriptedParty.Bound);

        Assert.That(await writing.WaitAsync(ScriptedParty.Bound), Is.False, "its flush was cut short");
        Assert.That(await queued.WaitAsync(ScriptedParty.Bound), Is.False, "it was never written");
        Assert.That(broker.Journal.OfType<ControlMessageSent>(), Is.Empty);
    }

    [Test]
    public async Task Opens_no_relay_for_a_setup_whose_response_the_party_never_read()
    {
        var listener = new FakeRelayListener();
        await using var broker = new DcvBroker(DcvBrokerOptions.Default with { ControlWriteDeadline = TimeSpan.FromMilliseconds(300) }) { OpenRelay = () => listener };
        var toBroker = new Pipe();

        // The broker's flush toward the party waits until the party reads, which it never does.
        var fromBroker = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1));
        var session = broker.Attach(new BrokerParty("deaf", DcvRole.Server, "conformance"), toBroker.Reader, fromBroker.Writer);
        await using var requests = new ControlFrameWriter<ExtensionMessage>(toBroker.Writer);
        await requests.WriteAsync(new ExtensionMessage
        {
            Request = new Request
            {
                RequestId = "setup",
                SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = "echo", RelayClientProcessId = Environment.ProcessId },
            },
        });

        var end = await session.Ended.WaitAsync(ScriptedParty.Bound);
        await session.Closed.WaitAsync(ScriptedParty.Bound);

        // VC-14: the relay is accepted only once the response is out, and this one never was.
        Assert.That(end.Reason, Is.EqualTo(SessionEndReason.StoppedReading));
        Assert.That(listener.Accepts, Is.Zero);
        Assert.That(listener.Disposed, Is.True, "the channel went with the session");
        await session.DisposeAsync();
    }

    [TestCase(typeof(IOException))]
    [TestCase(typeof(InvalidOperationException))]
    [TestCase(typeof(OperationCanceledException))]
    public async Task Lets_go_of_a_party_whose_channel_fails_as_it_is_completed(Type failure)
    {
        await using var broker = new DcvBroker();
        var toParty = new FailingToComplete(new Pipe().Writer, (Exception)Activator.CreateInstance(failure, "torn")!);
        var session = broker.Attach(new BrokerParty("torn", DcvRole.Server, "conformance"), new Pipe().Reader, toParty);

        // The channel is gone either way: the session ends cleanly, and the broker has let go of it.
        Assert.That(async () => await session.StopAsync().WaitAsync(ScriptedParty.Bound), Throws.Nothing);
        Assert.That(session.Closed.IsCompletedSuccessfully, Is.True);
        await session.DisposeAsync();
    }

    // A party's channel that fails as the broker completes it, as a pipe torn from under it would.
    private sealed class FailingToComplete(PipeWriter inner, Exception failure) : PipeWriter
    {
        public override void Advance(int bytes) => inner.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void Complete(Exception? exception = null) => throw failure;

        public override ValueTask CompleteAsync(Exception? exception = null) => ValueTask.FromException(failure);
    }
}

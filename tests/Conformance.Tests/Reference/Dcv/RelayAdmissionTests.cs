using System.IO.Pipelines;
using Conformance.Dcv.Relays;
using Conformance.Engine.Timing;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>VC-05, VC-06 and VC-10 on one connection, under a manual clock: the 5 s token deadline exactly.</summary>
public class RelayAdmissionTests
{
    private static readonly byte[] Token = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Refuses_a_silent_client_at_exactly_the_token_deadline_and_not_a_tick_before()
    {
        var clock = new ManualTimeProvider();
        var pipe = new Pipe();
        await using var connection = new RelayConnection(pipe.Reader.AsStream(), Environment.ProcessId, null);

        var judging = RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, clock);
        await clock.AdvanceAsync(Deadline - TimeSpan.FromTicks(1));
        Assert.That(judging.IsCompleted, Is.False);
        await clock.AdvanceAsync(TimeSpan.FromTicks(1));
        var verdict = await judging.WaitAsync(ScriptedParty.Bound);

        Assert.That(verdict.Refusal, Is.EqualTo(RelayRefusal.NoToken));
        Assert.That(verdict.Description, Is.EqualTo("no token byte arrived within 5 s of connecting (VC-06)"));
    }

    [Test]
    public async Task Admits_a_token_that_arrives_in_pieces_before_the_deadline()
    {
        var clock = new ManualTimeProvider();
        var pipe = new Pipe();
        await using var connection = new RelayConnection(pipe.Reader.AsStream(), Environment.ProcessId, null);

        var judging = RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, clock);
        await pipe.Writer.WriteAsync(Token.AsMemory(0, 7));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(4.9));
        await pipe.Writer.WriteAsync(Token.AsMemory(7));
        var verdict = await judging.WaitAsync(ScriptedParty.Bound);

        Assert.That(verdict.Admitted, verdict.Description);
        Assert.That(verdict.ProcessId, Is.EqualTo(Environment.ProcessId));
    }

    [Test]
    public async Task Judges_the_process_before_reading_a_byte()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Token);
        await using var connection = new RelayConnection(pipe.Reader.AsStream(), 1, null);

        var verdict = await RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, new ManualTimeProvider()).WaitAsync(ScriptedParty.Bound);

        Assert.That(verdict.Refusal, Is.EqualTo(RelayRefusal.WrongProcess));
        Assert.That(pipe.Reader.TryRead(out var unread) && unread.Buffer.Length == Token.Length, "the token was left unread");
    }

    [Test]
    public async Task Refuses_a_connection_whose_process_the_platform_cannot_tell()
    {
        await using var connection = new RelayConnection(new MemoryStream(Token), null, null);

        var verdict = await RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, new ManualTimeProvider());

        Assert.That(verdict.Refusal, Is.EqualTo(RelayRefusal.UnknownProcess));
    }

    [Test]
    public async Task Names_the_token_of_an_earlier_setup_apart_from_a_merely_wrong_one()
    {
        var earlier = Enumerable.Repeat((byte)0xAB, 32).ToArray();
        await using var stale = new RelayConnection(new MemoryStream(earlier), Environment.ProcessId, null);
        await using var wrong = new RelayConnection(new MemoryStream(new byte[32]), Environment.ProcessId, null);
        var ticket = Ticket() with { EarlierTokens = [Convert.ToHexString(earlier)] };

        var staleVerdict = await RelayAdmission.JudgeAsync(stale, ticket, Deadline, new ManualTimeProvider());
        var wrongVerdict = await RelayAdmission.JudgeAsync(wrong, ticket, Deadline, new ManualTimeProvider());

        Assert.That(staleVerdict.Refusal, Is.EqualTo(RelayRefusal.EarlierToken));
        Assert.That(wrongVerdict.Refusal, Is.EqualTo(RelayRefusal.WrongToken));
    }

    [Test]
    public async Task Refuses_to_judge_without_a_connection_a_ticket_or_a_clock()
    {
        await using var connection = new RelayConnection(new MemoryStream(Token), Environment.ProcessId, null);

        // From an unknown process, a connection is refused before the clock is ever used: only the check itself can object to a missing one.
        await using var unknown = new RelayConnection(new MemoryStream(Token), null, null);

        Assert.That(() => RelayAdmission.JudgeAsync(null!, Ticket(), Deadline, new ManualTimeProvider()), Throws.ArgumentNullException);
        Assert.That(() => RelayAdmission.JudgeAsync(connection, null!, Deadline, new ManualTimeProvider()), Throws.ArgumentNullException);
        Assert.That(() => RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, null!), Throws.ArgumentNullException);
        Assert.That(() => RelayAdmission.JudgeAsync(unknown, Ticket(), Deadline, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("timeProvider"));
    }

    [Test]
    public async Task Says_why_each_verdict_was_given()
    {
        var earlier = Enumerable.Repeat((byte)0xAB, 32).ToArray();
        var ticket = Ticket() with { EarlierTokens = [Convert.ToHexString(earlier)] };
        await using var unknown = new RelayConnection(new MemoryStream(Token), null, null);
        await using var right = new RelayConnection(new MemoryStream(Token), Environment.ProcessId, null);
        await using var stale = new RelayConnection(new MemoryStream(earlier), Environment.ProcessId, null);

        var unknownVerdict = await RelayAdmission.JudgeAsync(unknown, ticket, Deadline, new ManualTimeProvider());
        var rightVerdict = await RelayAdmission.JudgeAsync(right, ticket, Deadline, new ManualTimeProvider());
        var staleVerdict = await RelayAdmission.JudgeAsync(stale, ticket, Deadline, new ManualTimeProvider());

        Assert.That(unknownVerdict.Description, Does.StartWith("the platform did not tell which process opened the relay").And.EndWith("(VC-05)"));
        Assert.That(rightVerdict.Description, Is.EqualTo($"process {Environment.ProcessId} sent the token"));
        Assert.That(staleVerdict.Description, Does.StartWith("the token of an earlier setup of this channel").And.EndWith("(VC-10)"));
    }

    [Test]
    public async Task Takes_a_connection_that_fails_before_any_token_byte_for_one_that_ended()
    {
        var stream = new HeldStream();
        await using var connection = new RelayConnection(stream, Environment.ProcessId, null);

        var judging = RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, new ManualTimeProvider());
        stream.Pending.SetException(new IOException("reset"));
        var verdict = await judging.WaitAsync(ScriptedParty.Bound);

        Assert.That(verdict.Refusal, Is.EqualTo(RelayRefusal.NoToken));
        Assert.That(verdict.Description, Is.EqualTo("the relay connection ended before sending any token byte (VC-06)"));
    }

    [Test]
    public async Task Gives_no_verdict_when_the_caller_cancels_even_after_the_deadline_passed()
    {
        var clock = new ManualTimeProvider();
        var stream = new HeldStream();
        await using var connection = new RelayConnection(stream, Environment.ProcessId, null);
        using var stop = new CancellationTokenSource();

        // The read ignores both tokens until released, so the deadline and the caller's cancel both come first.
        var judging = RelayAdmission.JudgeAsync(connection, Ticket(), Deadline, clock, stop.Token);
        await clock.AdvanceAsync(Deadline);
        await stop.CancelAsync();
        stream.Pending.SetException(new OperationCanceledException());

        Assert.That(async () => await judging.WaitAsync(ScriptedParty.Bound), Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>A stream whose one read completes only when the test says how.</summary>
    private sealed class HeldStream : Stream
    {
        public TaskCompletionSource<int> Pending { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Pending.Task);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static RelayTicket Ticket() => new(Environment.ProcessId, Token, []);
}

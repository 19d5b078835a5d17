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

    private static RelayTicket Ticket() => new(Environment.ProcessId, Token, []);
}

using Conformance.Engine.Bindings;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess.Steps;

/// <summary>What the scripted service or server saw of the reference client, timed exactly on the manual clock.</summary>
[Binding]
internal sealed class ScriptedPeerOutcomeSteps(ClientStage stage, Expectations expect)
{
    [Then("the client sends its Handshake on connection (\\d+) at (\\d+) ms")]
    public void SendsItsHandshake(int connection, int at)
    {
        var first = stage.Connection(connection).Received.FirstOrDefault();
        expect.Expect(first is { Message: Handshake { Sender: HandshakeSender.Client } } && first.At == Ms(at),
            $"the client's Handshake as the first message on connection {connection}, at {at} ms", () => first is null ? "nothing arrived" : $"{Describe(first)}");
    }

    [Then("the client closes connection (\\d+) at (\\d+) ms")]
    public void ClosesAt(int connection, int at)
    {
        var ended = stage.Connection(connection).EndedAt;
        expect.Expect(ended == Ms(at), $"connection {connection} closed by the client at {at} ms", () => $"closed {Expectations.When(ended)}");
    }

    [Then("connection (\\d+) is still open")]
    public void IsStillOpen(int connection)
    {
        var ended = stage.Connection(connection).EndedAt;
        expect.Expect(ended is null, $"connection {connection} still open", () => $"the client closed it {Expectations.When(ended)}");
    }

    [Then("the client has made (\\d+) connections?")]
    public void HasConnected(int count) =>
        expect.Expect(stage.Connections.Count == count, $"{count} connection(s) from the client", () => $"{stage.Connections.Count}");

    [Then("the client answers with a Handshake at (\\d+) ms")]
    public void AnswersAt(int at)
    {
        var answers = stage.Latest.Received.Skip(1).Where(entry => entry.Message is Handshake { Sender: HandshakeSender.Client }).ToList();
        expect.Expect(answers.Any(entry => entry.At == Ms(at)), $"the client's answering Handshake at {at} ms",
            () => answers.Count == 0 ? "no answer" : $"answers at {string.Join(", ", answers.Select(entry => $"{entry.At.TotalMilliseconds:0} ms"))}");
    }

    [Then("the client confirms event (\\w+) at (\\d+) ms")]
    public void ConfirmsAt(string label, int at)
    {
        var id = stage.Labelled(label).EventId;
        var confirmation = stage.Connections.SelectMany(peer => peer.Received).FirstOrDefault(entry => entry.Message is Confirmation c && c.EventId == id);
        expect.Expect(confirmation?.At == Ms(at), $"a Confirmation of event {label} at {at} ms", () => $"it came {Expectations.When(confirmation?.At)}");
    }

    [Then("the client never confirms event (\\w+)")]
    public void NeverConfirms(string label)
    {
        var id = stage.Labelled(label).EventId;
        var confirmation = stage.Connections.SelectMany(peer => peer.Received).FirstOrDefault(entry => entry.Message is Confirmation c && c.EventId == id);
        expect.Expect(confirmation is null, $"no Confirmation of event {label}", () => $"one came {Expectations.When(confirmation?.At)}");
    }

    [Then("the client's application has received events? ((?:\\w+)(?:, \\w+)*)")]
    public void ApplicationReceived(string labels)
    {
        var received = stage.EventClient!.Received.Select(InProcess.ServingStage.LabelOf).ToList();
        expect.Expect(received.SequenceEqual(labels.Split(", ")), $"events {labels} handed to the application", () => received.Count == 0 ? "none" : string.Join(", ", received));
    }

    [Then("the server receives the client's request at (\\d+) ms")]
    public void ReceivesTheRequest(int at)
    {
        var first = stage.Latest.Received.FirstOrDefault();
        expect.Expect(first is { Message: Request request } && request.RequestId == stage.Request.RequestId && first.At == Ms(at),
            $"the client's Request at {at} ms", () => first is null ? "nothing arrived" : Describe(first));
    }

    [Then("the client takes the answer")]
    public void TakesTheAnswer()
    {
        var outcome = stage.Outcome;
        expect.Expect(outcome is { Answered: true } && outcome.Response!.RequestId == stage.Request.RequestId, "the client has its Response",
            () => outcome is null ? "the client is still waiting" : $"no response: {outcome.Failure}");
    }

    [Then("the client gives up at (\\d+) ms, closing its connection")]
    public void GivesUpAt(int at)
    {
        var outcome = stage.Outcome;
        var ended = stage.Latest.EndedAt;
        expect.Expect(outcome is { Answered: false } && ended == Ms(at), $"the client gave up and closed its connection at {at} ms",
            () => outcome is null ? "the client is still waiting" : outcome.Answered ? "it took a Response" : $"it closed {Expectations.When(ended)}: {outcome.Failure}");
    }

    [Then("the client reports no response, because (.+)")]
    public void ReportsNoResponse(string because)
    {
        var outcome = stage.Outcome;
        expect.Expect(outcome is { Answered: false } && outcome.Failure!.Contains(because, StringComparison.Ordinal), $"no response, because {because}",
            () => outcome is null ? "the client is still waiting" : outcome.Answered ? "it took a Response" : outcome.Failure!);
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static string Describe(WireEntry entry) => entry.Describe();
}

using Conformance.Engine.Bindings;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess.Steps;

/// <summary>What the scripted clients saw of the reference service or server, timed exactly on the manual clock.</summary>
[Binding]
internal sealed class ScriptedClientOutcomeSteps(ServingStage stage, Expectations expect)
{
    [Then("client (\\d+) receives the service's Handshake at (\\d+) ms")]
    public void ReceivesTheAnswer(int client, int at)
    {
        var answer = stage.Client(client).Received.FirstOrDefault(entry => entry.Message is Handshake { Sender: HandshakeSender.Service });
        expect.Expect(answer?.At == Ms(at), $"client {client}'s first message from the service: its Handshake, at {at} ms",
            () => answer is null ? $"client {client} received {Describe(stage.Client(client))}" : $"it came {Expectations.When(answer.At)}");
    }

    [Then("client (\\d+) receives a Handshake from the service at (\\d+) ms")]
    public void ReceivesAHandshakeAt(int client, int at)
    {
        var handshakes = stage.Client(client).Received.Where(entry => entry.Message is Handshake { Sender: HandshakeSender.Service }).ToList();
        expect.Expect(handshakes.Any(entry => entry.At == Ms(at)), $"a Handshake from the service to client {client} at {at} ms",
            () => $"Handshakes came at: {string.Join(", ", handshakes.Select(entry => $"{entry.At.TotalMilliseconds:0} ms"))}");
    }

    [Then("client (\\d+) receives no Handshake from the service after (\\d+) ms")]
    public void ReceivesNoHandshakeAfter(int client, int after)
    {
        var late = stage.Client(client).Received.Where(entry => entry.Message is Handshake && entry.At > Ms(after)).ToList();
        expect.Expect(late.Count == 0, $"no Handshake to client {client} after {after} ms", () => $"Handshakes at {string.Join(", ", late.Select(entry => $"{entry.At.TotalMilliseconds:0} ms"))}");
    }

    [Then("client (\\d+) is disconnected at (\\d+) ms")]
    public void IsDisconnectedAt(int client, int at)
    {
        var ended = stage.Client(client).EndedAt;
        expect.Expect(ended == Ms(at), $"the connection of client {client} closed by the other side at {at} ms", () => $"closed {Expectations.When(ended)}");
    }

    [Then("client (\\d+) is still connected")]
    public void IsStillConnected(int client)
    {
        var ended = stage.Client(client).EndedAt;
        expect.Expect(ended is null, $"client {client} still connected", () => $"the other side closed the connection {Expectations.When(ended)}");
    }

    [Then("client (\\d+) receives nothing")]
    public void ReceivesNothing(int client)
    {
        var received = stage.Client(client).Received;
        expect.Expect(received.Count == 0, $"no frame to client {client}", () => $"it received {Describe(stage.Client(client))}");
    }

    [Then("client (\\d+) receives events? ((?:\\w+)(?:, \\w+)*) in that order right after the service's Handshake")]
    public void ReceivesEventsInOrder(int client, string labels)
    {
        var expected = labels.Split(", ");
        var messages = stage.Client(client).Messages;
        var answer = messages.ToList().FindIndex(message => message is Handshake { Sender: HandshakeSender.Service });
        var following = answer < 0 ? [] : messages.Skip(answer + 1).TakeWhile(message => message is Event).Cast<Event>().Select(ServingStage.LabelOf).ToList();
        expect.Expect(following.Take(expected.Length).SequenceEqual(expected), $"events {labels} to client {client} right after the service's Handshake, in that order",
            () => answer < 0 ? "the service's Handshake never came" : $"after it came: {(following.Count == 0 ? "no event" : string.Join(", ", following))}");
    }

    [Then("client (\\d+) receives event (\\w+) at (\\d+) ms")]
    public void ReceivesEventAt(int client, string label, int at)
    {
        var entry = stage.Client(client).Received.FirstOrDefault(entry => entry.Message is Event @event && @event.EventId == stage.EventId(label));
        expect.Expect(entry?.At == Ms(at), $"event {label} to client {client} at {at} ms", () => $"it came {Expectations.When(entry?.At)}");
    }

    [Then("client (\\d+) never receives event (\\w+)")]
    public void NeverReceives(int client, string label)
    {
        var entry = stage.Client(client).Received.FirstOrDefault(entry => entry.Message is Event @event && ServingStage.LabelOf(@event) == label);
        expect.Expect(entry is null, $"event {label} never delivered to client {client}", () => $"it came {Expectations.When(entry?.At)}");
    }

    [Then("client (\\d+) receives one Response to its request at (\\d+) ms, and then the end of the connection")]
    public void ReceivesOneResponse(int client, int at)
    {
        var peer = stage.Client(client);
        var request = stage.RequestOf(client);
        var responses = peer.Received.Where(entry => entry.Message is Response).ToList();
        var holds = responses.Count == 1 && responses[0].Message is Response { RequestId: var id } && id == request.RequestId && responses[0].At == Ms(at) && peer.EndedAt == Ms(at);
        expect.Expect(holds, $"exactly one Response, carrying request {request.RequestId}, at {at} ms, and the connection closed then",
            () => $"client {client} received {Describe(peer)}; the connection closed {Expectations.When(peer.EndedAt)}");
    }

    [Then("the (?:service|server) drops client (\\d+) for (PM-\\w+)( as a resource limit)?")]
    public void DropsFor(int client, string requirement, string resource)
    {
        var entries = stage.Journal.Entries.Where(entry => entry.Connection == client && entry.Kind is JournalKinds.Fault or JournalKinds.TimedOut).ToList();
        var holds = entries.Any(entry => entry.Requirement == requirement && (resource.Length == 0 || entry.Detail.StartsWith("resource limit", StringComparison.Ordinal)));
        expect.Expect(holds && stage.Client(client).Ended, $"client {client} dropped for {requirement}{resource}",
            () => entries.Count == 0 ? "the journal records no fault for it" : string.Join("; ", entries.Select(entry => $"{entry.Requirement}: {entry.Detail}")));
    }

    [Then("the service keeps event (\\w+) for the next client")]
    public void Keeps(string label) =>
        expect.Expect(stage.Service!.Pending.Any(@event => @event.EventId == stage.EventId(label)), $"event {label} kept for the next client",
            () => $"the service holds {stage.Service!.Pending.Count} event(s), none of them {label}");

    [Then("the service holds no event")]
    public void HoldsNone() =>
        expect.Expect(stage.Service!.Pending.Count == 0, "no event held", () => $"{stage.Service!.Pending.Count} event(s) held: {string.Join(", ", stage.Service!.Pending.Select(ServingStage.LabelOf))}");

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static string Describe(FramePeer peer) =>
        peer.Received.Count == 0 ? "nothing" : string.Join(", ", peer.Received.Select(entry => $"{(entry.Message is { } message ? Payloads.Describe(message) : "a bad frame")} at {entry.At.TotalMilliseconds:0} ms"));
}

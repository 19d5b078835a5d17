using System.Text;
using System.Text.Json.Nodes;
using Conformance.Engine.Bindings;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>Opening the scenario's pipe, connecting clients to it, and what the server holds (NP-02, NP-03, NP-04).</summary>
[Binding]
internal sealed class PipeSteps(PipeBench bench, ScenarioContext context)
{
    /// <summary>How long anything that should be immediate may take, on a loaded machine.</summary>
    internal static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    private (Stream? Stream, string? Refusal) _attempt;

    [Given("a pipe with (\\d+) instances?")]
    public void GivenAPipe(int instances) => bench.Open(instances, ServerBehaviour.Hold);

    [Given("a pipe with (\\d+) instances? that answers each client with what it wrote")]
    public void GivenAnEchoingPipe(int instances) => bench.Open(instances, ServerBehaviour.Echo);

    [Given("a pipe with (\\d+) instances? that answers each client with what it wrote, then closes it")]
    public void GivenAnEchoAndClosePipe(int instances) => bench.Open(instances, ServerBehaviour.EchoLineThenClose);

    [Given("a client connected to it")]
    public Task GivenAClient() => GivenClients(1);

    [Given("(\\d+) clients connected to it")]
    [When("(\\d+) clients connect and stay connected")]
    public async Task GivenClients(int count)
    {
        for (var index = 0; index < count; index++)
        {
            await bench.ConnectAsync().ConfigureAwait(false);
        }

        if (!await bench.AcceptedAtLeastAsync(bench.Clients.Count, Promptly).ConfigureAwait(false))
        {
            throw new TimeoutException($"The server accepted {bench.Accepted.Count} of {bench.Clients.Count} clients within {Promptly.TotalSeconds:0} s.");
        }

        context.Transcript.Add("clients-connected", new() { ["count"] = bench.Clients.Count });
    }

    [When("another client tries to connect once")]
    public async Task WhenAnotherClientTries()
    {
        _attempt = await bench.TryConnectOnceAsync().ConfigureAwait(false);
        context.Transcript.Add("client-attempt", new() { ["connected"] = _attempt.Stream is not null, ["refusal"] = _attempt.Refusal });
    }

    [Then("that client is refused as busy")]
    public void ThenRefusedAsBusy() =>
        context.Expect(_attempt.Stream is null && _attempt.Refusal is not null, "the client refused at once: every instance is taken",
            () => "it was connected");

    [Then("that client is refused with (\\w+)")]
    public void ThenRefusedWith(string refusal) =>
        context.Expect(_attempt.Stream is null && _attempt.Refusal == refusal, $"the client refused at once with {refusal}",
            () => _attempt.Stream is null ? $"it was refused with {_attempt.Refusal}" : "it was connected");

    [Then("the pipe is not listening while its only instance is taken")]
    public void ThenNotListening() =>
        context.Expect(!bench.Listener.IsListening && !PipeProbe.IsAcceptingConnections(bench.Name), "no socket listening at the pipe's path while it is busy",
            () => "the pipe's socket was still accepting connections");

    [When("the first client disconnects")]
    public async Task WhenTheFirstClientDisconnects()
    {
        await PipeBench.DisconnectAsync(bench.Clients[0]).ConfigureAwait(false);

        // As a server does: it reads until the end of its client's stream, then closes its end, freeing the instance.
        var connection = bench.Accepted[0];
        var (_, ended) = await StreamReading.DrainAsync(connection.Stream, Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(ended, "the server sees the end of the stream once its client disconnects", () => $"no end of stream within {Promptly.TotalSeconds:0} s");
        await connection.DisposeAsync().ConfigureAwait(false);
        context.Transcript.Add("client-disconnected", new() { ["client"] = 1 });
    }

    [When("another client connects, retrying while the pipe is busy")]
    public async Task WhenAnotherClientConnectsWithRetry()
    {
        await bench.ConnectAsync().ConfigureAwait(false);
        context.Transcript.Add("client-connected", new() { ["client"] = bench.Clients.Count, ["retrying"] = true });
    }

    [Then("the server serves that client")]
    public async Task ThenTheServerServesThatClient()
    {
        var served = bench.Clients.Count;
        if (!await bench.AcceptedAtLeastAsync(served, Promptly).ConfigureAwait(false))
        {
            context.Expect(false, "the server accepts the client", () => $"the server accepted {bench.Accepted.Count} clients; the client is number {served}");
            return;
        }

        var reply = "served\n"u8.ToArray();
        var connection = bench.Accepted[^1];
        await connection.Stream.WriteAsync(reply, context.Cancellation).ConfigureAwait(false);
        await connection.Stream.FlushAsync(context.Cancellation).ConfigureAwait(false);
        var received = await StreamReading.ReadExactlyAsync(bench.Clients[^1], reply.Length, Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(received.AsSpan().SequenceEqual(reply), "the client receives what the server writes to it",
            () => $"it received {Convert.ToHexString(received)}");
        context.Transcript.Add("client-served", new() { ["client"] = served, ["received"] = Encoding.UTF8.GetString(received) });
    }

    [Then("the server holds (\\d+) connections at once")]
    public async Task ThenTheServerHolds(int count)
    {
        await bench.AcceptedAtLeastAsync(count, Promptly).ConfigureAwait(false);
        var held = bench.Listener.InstancesInUse;
        context.Expect(held == count && bench.Accepted.Count == count, $"{count} connections held at once",
            () => $"{held} instances in use, {bench.Accepted.Count} clients accepted");
        context.Transcript.Add("server-holds", new JsonObject { ["connections"] = held });
    }
}

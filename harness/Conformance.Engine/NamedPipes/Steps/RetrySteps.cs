using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Running;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>NP-03: the project's client retries a busy pipe on its schedule, on a manual clock, over a real pipe.</summary>
[Binding]
internal sealed class RetrySteps(PipeBench bench, RetryingClient client, ScenarioContext context)
{
    [Given("a manual clock for the retrying client")]
    public void GivenAManualClock() => context.Transcript.Add("clock", new() { ["for"] = "the retrying client" });

    [When("another client connects, retrying on the manual clock")]
    public Task WhenAnotherClientRetries() => client.StartAsync();

    [When("the first client disconnects at (\\d+) ms on the manual clock")]
    public async Task WhenTheFirstClientDisconnectsAt(int ms)
    {
        await client.AdvanceToAsync(TimeSpan.FromMilliseconds(ms)).ConfigureAwait(false);
        await PipeBench.DisconnectAsync(bench.Clients[0]).ConfigureAwait(false);
        var connection = bench.Accepted[0];
        await StreamReading.DrainAsync(connection.Stream, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);

        // The server closes its end: the instance is free, and the pipe listens again at once.
        await connection.DisposeAsync().ConfigureAwait(false);
        context.Transcript.Add("client-disconnected", new() { ["client"] = 1, ["atMs"] = ms });

        // Then the clock runs on, far enough for the client to find the freed instance or give up.
        await client.AdvanceToAsync(TimeSpan.FromMilliseconds(ms) + Protocols.Transport.RetryPolicy.Default.TotalWait).ConfigureAwait(false);
    }

    [When("the manual clock moves on (\\d+) seconds")]
    public Task WhenTheClockMovesOn(int seconds) => client.AdvanceToAsync(client.Clock.Elapsed + TimeSpan.FromSeconds(seconds));

    [Then("the retrying client tried at these times on the manual clock:")]
    public void ThenItTriedAt(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var expected = table.Rows.Select(row => long.Parse(row["ms"], CultureInfo.InvariantCulture)).ToList();
        var actual = client.Attempts.Select(at => (long)at.TotalMilliseconds).ToList();
        context.Expect(expected.SequenceEqual(actual), $"attempts at {string.Join(", ", expected)} ms", () => $"attempts at {string.Join(", ", actual)} ms");
        context.Transcript.Add("attempts", new() { ["atMs"] = new JsonArray([.. actual.Select(ms => JsonValue.Create(ms))]) });
    }

    [Then("it was connected at (\\d+) ms, on the first try after the instance freed")]
    public void ThenConnectedAt(int ms) =>
        context.Expect(client.Connected is not null && client.FinishedAt == TimeSpan.FromMilliseconds(ms), $"connected at {ms} ms",
            () => client.Connected is null ? $"not connected: {client.Failure?.Message ?? "still trying"}" : $"connected at {client.FinishedAt?.TotalMilliseconds} ms");

    [Then("it gave up at (\\d+) ms, saying all (\\d+) attempts were refused")]
    public void ThenItGaveUp(int ms, int attempts)
    {
        var failure = client.Failure;
        context.Expect(failure is TimeoutException && client.FinishedAt == TimeSpan.FromMilliseconds(ms) && failure.Message.Contains($"all {attempts} connection attempts", StringComparison.Ordinal),
            $"a time-out at {ms} ms whose message counts {attempts} refused attempts",
            () => failure is null ? (client.Connected is null ? "still trying" : "it connected") : $"{failure.GetType().Name} at {client.FinishedAt?.TotalMilliseconds} ms: {failure.Message}");
        context.Transcript.Add("gave-up", new() { ["atMs"] = client.FinishedAt?.TotalMilliseconds, ["attempts"] = attempts });
    }
}

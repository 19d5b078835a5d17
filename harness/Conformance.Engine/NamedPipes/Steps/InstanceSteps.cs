using System.Text;
using Conformance.Engine.Bindings;
using Conformance.Engine.Running;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>NP-02 and NP-04: each client has an instance to itself, and a burst never takes more instances than allowed.</summary>
[Binding]
internal sealed class InstanceSteps(PipeBench bench, ScenarioContext context)
{
    private static readonly TimeSpan BurstBound = TimeSpan.FromSeconds(30);
    private readonly List<string> _burstFailures = [];
    private int _burstSize;

    [Then("each client gets back what it wrote, and nothing of the others")]
    public async Task ThenEachGetsItsOwn()
    {
        var wrong = new List<string>();
        for (var index = 0; index < bench.Clients.Count; index++)
        {
            var text = $"client {index + 1}\n";
            var client = bench.Clients[index];
            await client.WriteAsync(Encoding.UTF8.GetBytes(text), context.Cancellation).ConfigureAwait(false);
            await client.FlushAsync(context.Cancellation).ConfigureAwait(false);
            var back = Encoding.UTF8.GetString(await StreamReading.ReadExactlyAsync(client, text.Length, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false));
            if (back != text)
            {
                wrong.Add($"client {index + 1} got \"{back.TrimEnd()}\"");
            }
        }

        context.Expect(wrong.Count == 0, "every client gets back exactly what it wrote", () => string.Join("; ", wrong));
        context.Transcript.Add("echoed", new() { ["clients"] = bench.Clients.Count, ["allOwn"] = wrong.Count == 0 });
    }

    [When("(\\d+) clients connect at the same moment, each retrying while the pipe is busy")]
    public async Task WhenABurstConnects(int count)
    {
        _burstSize = count;
        using var start = new SemaphoreSlim(0, count);
        var clients = Enumerable.Range(1, count).Select(number => Task.Run(() => BurstClientAsync(number, start))).ToList();
        start.Release(count);
        await Task.WhenAll(clients).WaitAsync(BurstBound, context.Cancellation).ConfigureAwait(false);
        context.Transcript.Add("burst", new() { ["clients"] = count });
    }

    [Then("every client gets back what it wrote")]
    public void ThenEveryBurstClientIsServed()
    {
        List<string> failures;
        lock (_burstFailures)
        {
            failures = [.. _burstFailures];
        }

        context.Expect(failures.Count == 0, $"all {_burstSize} clients served", () => $"{failures.Count} were not: {string.Join("; ", failures.Take(5))}");
        context.Transcript.Add("burst-served", new() { ["all"] = failures.Count == 0 });
    }

    [Then("the server never held more than (\\d+) connections at once")]
    public void ThenNeverMoreThan(int most)
    {
        var held = bench.MostHeldAtOnce;
        context.Expect(held <= most, $"at most {most} connections at once", () => $"{held} at once");
        context.Transcript.Add("most-held", new() { ["withinMaximum"] = held <= most });
    }

    private async Task BurstClientAsync(int number, SemaphoreSlim start)
    {
        await start.WaitAsync(context.Cancellation).ConfigureAwait(false);
        try
        {
            var client = await bench.ConnectAsync().ConfigureAwait(false);
            var text = $"client {number}\n";
            await client.WriteAsync(Encoding.UTF8.GetBytes(text), context.Cancellation).ConfigureAwait(false);
            await client.FlushAsync(context.Cancellation).ConfigureAwait(false);
            var back = Encoding.UTF8.GetString(await StreamReading.ReadExactlyAsync(client, text.Length, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false));
            if (back != text)
            {
                Fail($"client {number} got \"{back.TrimEnd()}\"");
            }
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or UnauthorizedAccessException)
        {
            Fail($"client {number}: {exception.Message}");
        }
    }

    private void Fail(string failure)
    {
        lock (_burstFailures)
        {
            _burstFailures.Add(failure);
        }
    }
}

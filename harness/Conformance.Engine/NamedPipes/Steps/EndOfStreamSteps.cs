using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Engine.Bindings;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>
/// NP-09: the waiting end runs in the pipe probe, which reports when it saw the end (on the machine's wall
/// clock, which the harness shares) and the processor time it used while it waited.
/// </summary>
[Binding]
internal sealed class EndOfStreamSteps(PipeBench bench, ProbeProcess probe, ScenarioContext context) : IAsyncDisposable
{
    /// <summary>The share of one processor a waiting end may use: a spinning wait takes all of one.</summary>
    public const double MaxCpuShare = 0.10;

    /// <summary>The shortest wait a share is taken over, so start-up work in a short wait is not mistaken for spinning.</summary>
    public static readonly TimeSpan ShortestMeasuredWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ProbeStart = TimeSpan.FromSeconds(30);
    private string? _probePipe;
    private Stream? _client;
    private long _closedAt;
    private long _connectedAt;
    private ProbeReport? _report;
    private string _waitedFor = "ended";

    [Given("a probe process connected to it as a client, waiting for the end of the stream")]
    public async Task GivenAProbeClient()
    {
        await probe.StartClientAsync(bench.Name, ProbeWait).ConfigureAwait(false);
        if (!await bench.AcceptedAtLeastAsync(1, ProbeStart).ConfigureAwait(false))
        {
            throw new TimeoutException($"The pipe probe did not connect within {ProbeStart.TotalSeconds:0} s.");
        }

        context.Transcript.Add("probe-connected", new() { ["as"] = "client" });
    }

    [Given("a probe process serving a pipe")]
    public async Task GivenAProbeServer()
    {
        _probePipe = PipeName.NewUnique("np");
        context.Transcript.RegisterPipeName(_probePipe);
        await probe.StartServerAsync(_probePipe, ProbeWait).ConfigureAwait(false);
        context.Transcript.Add("probe-serving", new() { ["pipe"] = _probePipe });
    }

    [Given("a client connected to the probe")]
    public async Task GivenAClientOfTheProbe() => _client = await ConnectToProbeAsync().ConfigureAwait(false);

    [When("the server stays silent for (\\d+) seconds and then closes the connection")]
    public async Task WhenTheServerClosesLater(int seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.Cancellation).ConfigureAwait(false);
        _closedAt = Now();
        await bench.Accepted[0].DisposeAsync().ConfigureAwait(false);
        context.Transcript.Add("closed", new() { ["by"] = "server", ["afterSeconds"] = seconds });
    }

    [When("the client stays silent for (\\d+) seconds and then closes the connection")]
    public async Task WhenTheClientClosesLater(int seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.Cancellation).ConfigureAwait(false);
        _closedAt = Now();
        await _client!.DisposeAsync().ConfigureAwait(false);
        context.Transcript.Add("closed", new() { ["by"] = "client", ["afterSeconds"] = seconds });
    }

    [When("no client comes for (\\d+) seconds, and then one connects")]
    public async Task WhenAClientComesLater(int seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.Cancellation).ConfigureAwait(false);
        _client = await ConnectToProbeAsync().ConfigureAwait(false);
        _connectedAt = Now();
        _waitedFor = "accepted";

        // The probe then waits for this client's close; the wait that matters is over.
        await _client.DisposeAsync().ConfigureAwait(false);
    }

    [Then("the probe sees the end of the stream within (\\d+) seconds? of the close")]
    public async Task ThenTheProbeSeesTheEnd(int seconds)
    {
        var line = (await ReportAsync().ConfigureAwait(false)).LastLineWith("ended");
        var ended = line?["ended"]?.GetValue<bool>() == true;
        var after = (line?["at"]?.GetValue<long>() ?? long.MaxValue) - _closedAt;
        context.Expect(ended && after <= seconds * 1000L, $"the end of the stream seen within {seconds} s of the close",
            () => ended ? $"seen {after} ms after the close" : $"not seen: {_report}");
        context.Transcript.Add("probe-saw-end", new() { ["ended"] = ended });
    }

    [Then("the probe accepts that client within (\\d+) seconds? of its connecting")]
    public async Task ThenTheProbeAccepts(int seconds)
    {
        var line = (await ReportAsync().ConfigureAwait(false)).LineWith("accepted");
        var accepted = line?["accepted"]?.GetValue<bool>() == true;
        var after = (line?["at"]?.GetValue<long>() ?? long.MaxValue) - _connectedAt;
        context.Expect(accepted && after <= seconds * 1000L, $"the client accepted within {seconds} s of connecting",
            () => accepted ? $"accepted {after} ms after it connected" : $"not accepted: {_report}");
        context.Transcript.Add("probe-accepted", new() { ["accepted"] = accepted });
    }

    [Then("the probe used at most (\\d+)% of one processor while it waited(?: for the client)?")]
    public async Task ThenTheProbeWasQuiet(int percent)
    {
        var line = (await ReportAsync().ConfigureAwait(false)).LastLineWith(_waitedFor);
        var cpu = TimeSpan.FromMilliseconds(line?["cpuMs"]?.GetValue<long>() ?? long.MaxValue / 2);
        var waited = TimeSpan.FromMilliseconds(line?["waitedMs"]?.GetValue<long>() ?? 0);
        var measured = waited < ShortestMeasuredWait ? ShortestMeasuredWait : waited;
        var share = cpu / measured;
        context.Expect(line is not null && share <= percent / 100.0, $"at most {percent}% of one processor while waiting",
            () => line is null ? $"the probe did not report its wait: {_report}" : string.Create(CultureInfo.InvariantCulture, $"{share:P0} ({cpu.TotalMilliseconds:0} ms of processor time over {waited.TotalMilliseconds:0} ms)"));
        context.Transcript.Add("probe-quiet", new JsonObject { ["withinShare"] = share <= percent / 100.0 });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Stream> ConnectToProbeAsync()
    {
        // The probe is a process of its own: until it listens, its pipe is absent or refusing, which the retry covers.
        var stream = await PipeClient.ConnectWithRetryAsync(_probePipe!, RetryPolicy.Default with { TotalWait = ProbeStart }, context.Cancellation).ConfigureAwait(false);
        context.Transcript.Add("connected-to-probe", null);
        return stream;
    }

    private async Task<ProbeReport> ReportAsync() => _report ??= await probe.ReportAsync().ConfigureAwait(false);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}

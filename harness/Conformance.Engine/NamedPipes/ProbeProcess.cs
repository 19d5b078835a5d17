using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Engine.Running;
using Conformance.Processes;

namespace Conformance.Engine.NamedPipes;

/// <summary>
/// The pipe probe (<c>conformance-pipe-probe</c>) run as a supervised process of the scenario: one end of a
/// pipe, on the project's transport, in a process of its own, reporting what it met and the processor time it
/// used while waiting. It is ended, with anything it started, when the scenario ends.
/// </summary>
internal sealed class ProbeProcess(ScenarioContext context) : IAsyncDisposable
{
    /// <summary>The probe's assembly, built beside the harness.</summary>
    public const string AssemblyFile = "conformance-pipe-probe.dll";

    private static readonly TimeSpan ReportBound = TimeSpan.FromSeconds(30);
    private SupervisedProcess? _process;

    /// <summary>Starts the probe as a client of <paramref name="pipe"/> that waits up to <paramref name="wait"/> for the end of the stream.</summary>
    public Task StartClientAsync(string pipe, TimeSpan wait, OtherAccount? asAccount = null) => StartAsync("client", pipe, wait, asAccount);

    /// <summary>Starts the probe serving <paramref name="pipe"/>: it waits up to <paramref name="wait"/> for a client, then for that client's close.</summary>
    public Task StartServerAsync(string pipe, TimeSpan wait) => StartAsync("server", pipe, wait, null);

    /// <summary>Waits for the probe to finish and returns its report lines, or explains what went wrong with the probe itself.</summary>
    /// <exception cref="InvalidOperationException">The probe did not finish, or failed without reporting.</exception>
    public async Task<ProbeReport> ReportAsync()
    {
        var process = _process ?? throw new InvalidOperationException("No probe was started.");
        try
        {
            await process.Exited.WaitAsync(ReportBound, context.Cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The pipe probe did not finish within {ReportBound.TotalSeconds:0} s; it said: {process.StandardOutput.Text}{process.StandardError.Text}");
        }

        // The process host outlives its child until told to end; its end closes the output, so all of it is read.
        await process.EndAsync().WaitAsync(ReportBound, context.Cancellation).ConfigureAwait(false);
        await process.StandardOutput.Completion.WaitAsync(ReportBound, context.Cancellation).ConfigureAwait(false);
        var lines = process.StandardOutput.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line) as JsonObject ?? throw new InvalidOperationException($"The pipe probe wrote \"{line}\", not a JSON object."))
            .ToList();
        return new ProbeReport(lines, process.Exited.Result, process.StandardError.Text.Trim());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartAsync(string end, string pipe, TimeSpan wait, OtherAccount? asAccount)
    {
        IReadOnlyList<string> command = [.. DotnetHost.Command(AssemblyFile, "The pipe probe"), end, pipe, ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)];
        var environment = new Dictionary<string, string?>
        {
            // Another account cannot write the harness's home; the probe needs none of the SDK's first-run work.
            ["DOTNET_CLI_HOME"] = Path.GetTempPath(),
            ["DOTNET_NOLOGO"] = "1",
        };
        _process = await SupervisedProcess.StartAsync(
            new ProcessLaunch(asAccount is null ? command : asAccount.Wrap(command), Path.GetTempPath(), environment), context.Cancellation).ConfigureAwait(false);
        context.Transcript.RegisterProcessId(_process.ProcessId);
    }
}

/// <summary>What the probe reported: its JSON lines in order, its exit code and anything it wrote to standard error.</summary>
internal sealed record ProbeReport(IReadOnlyList<JsonObject> Lines, int ExitCode, string StandardError)
{
    /// <summary>The first line holding <paramref name="member"/>, or null.</summary>
    public JsonObject? LineWith(string member) => Lines.FirstOrDefault(line => line.ContainsKey(member));

    /// <summary>The last line holding <paramref name="member"/>, or null.</summary>
    public JsonObject? LastLineWith(string member) => Lines.LastOrDefault(line => line.ContainsKey(member));

    /// <summary>The probe's own words, for a failure message.</summary>
    public override string ToString() =>
        $"exit code {ExitCode}; reported {string.Join(" ", Lines.Select(line => line.ToJsonString()))}" + (StandardError.Length > 0 ? $"; standard error: {StandardError}" : "");
}

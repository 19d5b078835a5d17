using Conformance.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>
/// Starts a connector as a real process below a process host; its output is drained, not read. It runs in
/// <paramref name="workingDirectory"/> (the current folder by default) with <paramref name="environment"/> set
/// over the Launcher's own, and the request's variables (the pipe's name) over those.
/// </summary>
public sealed class OsConnectorProcessStarter(string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) : IConnectorProcessStarter
{
    /// <inheritdoc />
    public async Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var variables = (environment ?? new Dictionary<string, string>()).ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        foreach (var (name, value) in request.Environment)
        {
            variables[name] = value;
        }

        var process = await SupervisedProcess.StartAsync(
            new ProcessLaunch(request.Command, workingDirectory ?? Directory.GetCurrentDirectory(), variables), cancellationToken).ConfigureAwait(false);
        return new StartedConnector(process);
    }
}

using Conformance.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>Starts a connector as a real process below a process host, in the Launcher's working folder; its output is drained, not read.</summary>
public sealed class OsConnectorProcessStarter : IConnectorProcessStarter
{
    /// <inheritdoc />
    public async Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = request.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        var process = await SupervisedProcess.StartAsync(new ProcessLaunch(request.Command, Directory.GetCurrentDirectory(), environment), cancellationToken).ConfigureAwait(false);
        return new StartedConnector(process);
    }
}

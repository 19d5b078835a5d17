using System.Diagnostics;
using Conformance.Protocols.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>Starts a connector as a real process, its output discarded (the Launcher does not read it).</summary>
public sealed class OsConnectorProcessStarter : IConnectorProcessStarter
{
    /// <inheritdoc />
    public Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = ProcessCommand.StartInfo(request.Command[0], request.Command.Skip(1),
            request.Environment.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {request.Command[0]}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(new StartedConnector(process));
    }
}

using System.Diagnostics;

namespace Conformance.Reference.Launcher;

/// <summary>Starts a connector as a real process, its output discarded (the Launcher does not read it).</summary>
public sealed class OsConnectorProcessStarter : IConnectorProcessStarter
{
    /// <inheritdoc />
    public Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = new ProcessStartInfo(request.Command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in request.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {request.Command[0]}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(new StartedConnector(process));
    }
}

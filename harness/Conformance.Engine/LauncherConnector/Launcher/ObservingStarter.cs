using Conformance.Protocols.Transport;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>
/// Starts connectors for the reference Launcher, as the operating system would, and records what the Launcher
/// had done by then: whether the pipe was listening (seen from outside, without connecting) and whether the
/// session tracker ran (LC-L02), and the environment and command line it gave (LC-L03).
/// </summary>
internal sealed class ObservingStarter(Func<bool> trackerRunning) : IConnectorProcessStarter
{
    private readonly OsConnectorProcessStarter _starter = new();
    private readonly List<ObservedStart> _starts = [];

    /// <summary>Runs just before each start, such as an intruder trying the pipe (LC-L16).</summary>
    public Func<ConnectorStartRequest, Task>? BeforeStart { get; set; }

    /// <summary>Every start so far.</summary>
    public IReadOnlyList<ObservedStart> Starts => _starts;

    /// <inheritdoc />
    public async Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (BeforeStart is { } before)
        {
            await before(request).ConfigureAwait(false);
        }

        var pipe = request.Environment.GetValueOrDefault(ReferenceLauncher.PipeNameVariable);
        var listening = pipe is not null && PipeProbe.IsAcceptingConnections(pipe);
        var tracker = trackerRunning();
        var started = await _starter.StartAsync(request, cancellationToken).ConfigureAwait(false);
        _starts.Add(new ObservedStart(request, started.ProcessId, listening, tracker));
        return started;
    }
}

/// <summary>What the Launcher had done when it started a connector.</summary>
internal sealed record ObservedStart(ConnectorStartRequest Request, int ProcessId, bool PipeWasListening, bool TrackerWasRunning);

using Conformance.Protocols.Threading;
using Conformance.Protocols.Transport;

namespace Conformance.Reference.Launcher;

/// <summary>A running session of the reference Launcher; disposing ends it, the pipe and the connector's process tree.</summary>
public sealed class LaunchedSession : IAsyncDisposable
{
    private readonly PipeServer _server;
    private readonly CancellationTokenSource _stop;

    internal LaunchedSession(LauncherSession session, string pipeName, StartedConnector connector, PipeServer server, Task serving, CancellationTokenSource stop)
    {
        Session = session;
        PipeName = pipeName;
        Connector = connector;
        _server = server;
        Serving = serving;
        _stop = stop;
    }

    /// <summary>The session's state machine, journal and appliance.</summary>
    public LauncherSession Session { get; }

    /// <summary>The bare pipe name handed to the connector.</summary>
    public string PipeName { get; }

    /// <summary>The connector process.</summary>
    public StartedConnector Connector { get; }

    /// <summary>Completes when the pipe is closed (or the session ends before a client came).</summary>
    public Task Serving { get; }

    /// <summary>Closes the Launcher's end of the pipe, as an aborted session does; the session and the connector go on.</summary>
    public Task ClosePipeAsync() => _stop.CancelAsync();

    /// <inheritdoc />
    /// <remarks>Every part is released even when another fails or hangs; the failures are thrown together afterwards.</remarks>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cleanup.RunAllAsync(
                () => new ValueTask(_stop.CancelAsync()),
                _server.DisposeAsync,
                Connector.DisposeAsync,
                () => new ValueTask(Serving),
                Session.DisposeAsync).ConfigureAwait(false);
        }
        // Stryker disable once Statement,Block : the source is already cancelled; disposing it only unlinks it from the caller's token, which nothing can observe
        finally
        {
            _stop.Dispose();
        }
    }
}

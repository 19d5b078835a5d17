namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// Shared by the scenarios of one run: the first scenario to start the connector finds out whether it
/// connects at all; the others wait for that answer, so a connector that never connects costs one connect
/// deadline and every scenario that needs a connection is skipped at once, with the reason.
/// </summary>
public sealed class ConnectivityGate
{
    private readonly TaskCompletionSource<string?> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _probeClaimed;

    /// <summary>True for the one caller that should find out; the rest call <see cref="WaitAsync"/>.</summary>
    public bool TryClaimProbe() => Interlocked.Exchange(ref _probeClaimed, 1) == 0;

    /// <summary>The connector connected once: every scenario may go ahead.</summary>
    public void ReportConnected() => _known.TrySetResult(null);

    /// <summary>The connector did not connect: <paramref name="reason"/> is why the others are skipped.</summary>
    public void ReportNeverConnected(string reason) => _known.TrySetResult(reason);

    /// <summary>Waits until the probe has an answer; null when the connector connects, else the reason it does not.</summary>
    public Task<string?> WaitAsync(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}

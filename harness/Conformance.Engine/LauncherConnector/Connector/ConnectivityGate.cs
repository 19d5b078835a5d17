namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// Shared by the runs of one certification: the first run to start the connector finds out whether it
/// connects at all; the others wait for that answer, so a connector that never connects (or cannot be
/// started) costs one connect deadline, and every other run is skipped at once, with the reason.
/// </summary>
internal sealed class ConnectivityGate
{
    private readonly TaskCompletionSource<string?> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _probeClaimed;

    /// <summary>True for the one caller that should find out; the rest call <see cref="WaitAsync"/>.</summary>
    public bool TryClaimProbe() => Interlocked.Exchange(ref _probeClaimed, 1) == 0;

    /// <summary>
    /// The probe's answer: null when the connector connected, else why it did not. The probe must report
    /// whatever happens to it, a failure to start included, or the others would wait for nothing.
    /// </summary>
    public void Report(string? neverConnected) => _known.TrySetResult(neverConnected);

    /// <summary>Waits until the probe has an answer; null when the connector connects, else the reason it does not.</summary>
    public Task<string?> WaitAsync(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}

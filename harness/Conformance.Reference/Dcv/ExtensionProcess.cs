using Conformance.Dcv.Manifest;
using Conformance.Processes;

namespace Conformance.Reference.Dcv;

/// <summary>
/// An extension the broker started: its process, supervised so that nothing it starts outlives it, and its
/// control session over the process's standard input and output.
/// </summary>
public sealed class ExtensionProcess : IAsyncDisposable
{
    private readonly DcvBrokerOptions _options;

    internal ExtensionProcess(SupervisedProcess process, BrokerSession session, DcvExtensionManifest manifest, DcvBrokerOptions options)
    {
        Process = process;
        Session = session;
        Manifest = manifest;
        _options = options;

        // The process host keeps the output open until the tree is ended: end it on exit, so the session sees the end.
        _ = process.Exited.ContinueWith(_ => process.EndAsync(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

        // VC-01: a malformed frame (or a party that stopped reading) ends the extension promptly.
        _ = session.Ended.ContinueWith(
            ended =>
            {
                return ended.Result.IsViolation ? process.EndAsync() : Task.CompletedTask;
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>The extension's process.</summary>
    public SupervisedProcess Process { get; }

    /// <summary>Its control session.</summary>
    public BrokerSession Session { get; }

    /// <summary>Its manifest.</summary>
    public DcvExtensionManifest Manifest { get; }

    /// <summary>True when the broker ended it because its session broke the protocol or it stopped reading.</summary>
    public bool EndedForViolation => Session.Ended is { IsCompletedSuccessfully: true, Result.IsViolation: true };

    /// <summary>
    /// Closes its control channel (the extension's cue to exit), waits up to the exit deadline for it to exit,
    /// then ends whatever is left of its process tree.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await Session.StopAsync("the broker closed the extension's control channel").ConfigureAwait(false);
        if (!EndedForViolation)
        {
            try
            {
                await Process.Exited.WaitAsync(_options.ExitDeadline, _options.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // It did not exit of its own accord: it is ended below.
            }
        }

        await Process.DisposeAsync().ConfigureAwait(false);
        await Session.DisposeAsync().ConfigureAwait(false);
    }
}

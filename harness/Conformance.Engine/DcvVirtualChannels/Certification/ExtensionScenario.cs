using Conformance.Engine.Running;
using Conformance.Engine.Situations;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// One dcv-extension scenario's state: the extension under test and the recorded session its When step took in.
/// Every scenario judges the same session (a fresh one per scenario under --isolated).
/// </summary>
internal sealed class ExtensionScenario(ScenarioContext context, DcvExtensionTarget target, SituationStore situations)
{
    public const string WholeSession = "a whole session under the harness as DCV";

    private ExtensionSession? _session;

    /// <summary>The recorded session under judgement.</summary>
    public ExtensionSession Session => _session ?? throw new InvalidOperationException("No session has been recorded yet: a When step must record one.");

    /// <summary>Records the session (or takes the one already recorded), and skips the scenario when it showed nothing to judge.</summary>
    public async Task RecordAsync()
    {
        _session = await situations.RecordAsync(
            context,
            new Situation(WholeSession, target.Namespace),
            async (recording, cancellation) =>
            {
                var session = new ExtensionSession(recording, target);
                await session.RunAsync(cancellation).ConfigureAwait(false);
                recording.Note($"The session took {session.Took.TotalSeconds:0.0} s.");
                return session;
            }).ConfigureAwait(false);
        if (_session.Missing is { } missing)
        {
            throw new ScenarioSkippedException(missing);
        }
    }
}

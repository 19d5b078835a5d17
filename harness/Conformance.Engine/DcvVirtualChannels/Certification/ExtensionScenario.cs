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
    public const string MalformedFrame = "a malformed frame from DCV";

    private ExtensionSession? _session;
    private MalformedFrameSession? _malformed;

    /// <summary>The recorded session under judgement.</summary>
    public ExtensionSession Session => _session ?? throw new InvalidOperationException("No session has been recorded yet: a When step must record one.");

    /// <summary>The recorded answer to a malformed frame.</summary>
    public MalformedFrameSession Malformed => _malformed ?? throw new InvalidOperationException("No malformed-frame session has been recorded yet.");

    /// <summary>Records the malformed-frame session (or takes the one already recorded); skips the scenario when it showed nothing.</summary>
    public async Task RecordMalformedAsync()
    {
        _malformed = await situations.RecordAsync(
            context,
            new Situation(MalformedFrame, target.Namespace),
            async (recording, cancellation) =>
            {
                var session = new MalformedFrameSession(recording, target);
                await session.RunAsync(cancellation).ConfigureAwait(false);
                return session;
            }).ConfigureAwait(false);
        if (_malformed.Missing is { } missing)
        {
            throw new ScenarioSkippedException(missing);
        }
    }

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

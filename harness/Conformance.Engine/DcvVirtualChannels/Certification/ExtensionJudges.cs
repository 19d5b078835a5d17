using Conformance.Dcv.Wire;
using Conformance.Engine.Running;
using Conformance.Reference.Dcv;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// The dcv-extension rules, judged on a recorded session. Each judge blames only the rule it names, so that one fault
/// is not reported again as its consequences: a relay opened by the wrong process is VC-15's, not VC-04's.
/// </summary>
internal static class ExtensionJudges
{
    private static readonly RelayRefusal[] TokenFaults = [RelayRefusal.WrongToken, RelayRefusal.ShortToken, RelayRefusal.NoToken, RelayRefusal.EarlierToken, RelayRefusal.TokenSpent];

    /// <summary>VC-01: every frame the extension wrote was whole, within the limit, one ExtensionMessage carrying a request.</summary>
    public static IEnumerable<Violation> Frames(ExtensionSession session)
    {
        foreach (var ended in session.OfExtension.OfType<SessionEnded>().Where(entry => entry.End.Reason is SessionEndReason.MalformedFrame or SessionEndReason.NoRequest))
        {
            yield return new Violation("VC-01", "whole LE32 frames, each one ExtensionMessage carrying a request", ended.End.Description);
        }
    }

    /// <summary>
    /// VC-01, the extension as receiver: a malformed frame from DCV ends its session promptly — it exits within the exit
    /// deadline, the time it is granted to exit whenever its control channel ends (a managed runtime's shutdown on a
    /// loaded machine takes seconds).
    /// </summary>
    public static IEnumerable<Violation> EndsOnMalformedFrame(MalformedFrameSession session)
    {
        var promptly = session.Target.Exit;
        if (session.ExitedAfter is not { } after || after > promptly)
        {
            yield return new Violation("VC-01", $"after a length header with its top bit set from DCV, the extension ends its session within {promptly.TotalSeconds:0.#} s",
                session.ExitedAfter is { } late ? $"it exited {late.TotalSeconds:0.000} s later" : $"it was still running {session.Target.Exit.TotalSeconds:0.#} s later");
        }
    }

    /// <summary>VC-04: each relay it set up opened, the token first and whole, and nothing more until the ready event.</summary>
    public static IEnumerable<Violation> TokenFirst(ExtensionSession session)
    {
        var judged = session.OfExtension.OfType<RelayJudged>().ToList();
        foreach (var refused in judged.Where(entry => entry.Verdict.Refusal is { } refusal && TokenFaults.Contains(refusal)))
        {
            yield return new Violation("VC-04", $"the relay of \"{refused.Channel}\" opened with the {Secret(session)} token as its first bytes", refused.Verdict.Description);
        }

        foreach (var early in session.OfExtension.OfType<RelayBytesBeforeReady>())
        {
            yield return new Violation("VC-04", $"nothing written to the relay of \"{early.Channel}\" after the token until the ready event",
                $"{early.Bytes} bytes beyond the token were waiting when the ready event was sent");
        }

        var setUp = session.OfExtension.OfType<SetupDecided>().Where(entry => entry.Decision.IsSuccess).Select(entry => entry.Channel).Distinct();
        foreach (var channel in setUp.Where(channel => !judged.Any(entry => entry.Channel == channel)))
        {
            yield return new Violation("VC-04", $"the relay of \"{channel}\" opened once its setup was answered", Ending(session, "it never connected to the relay"));
        }
    }

    /// <summary>VC-11: nothing on standard error, over the whole session.</summary>
    public static IEnumerable<Violation> Silent(ExtensionSession session)
    {
        if (session.StandardError.Bytes > 0)
        {
            yield return new Violation("VC-11", "nothing written to standard error", $"{session.StandardError.Bytes} bytes, beginning: {session.StandardError.Text.Trim()}");
        }
    }

    /// <summary>
    /// VC-13: after a refused request it went on or exited with code 0. Whether it wrote to standard error is VC-11's to
    /// judge, whenever it happened; here only the crash counts.
    /// </summary>
    public static IEnumerable<Violation> SurvivesRefusal(ExtensionSession session)
    {
        var refusals = Refusals(session).ToList();
        if (refusals.Count == 0)
        {
            // Never refused, so never judged: an extension stuck after its first response is VC-16's fault, and VC-13
            // stays unchecked rather than passed for what it was never asked to survive.
            if (StoppedAtFirstAnswer(session) is true)
            {
                throw new ScenarioSkippedException("the extension did nothing after its first response (VC-16 judges it), so no request of it was refused");
            }

            throw new ScenarioSkippedException($"no request of the extension was refused: it set up fewer than five channels (CONFORMANCE_DCV_CHANNELS was {session.Target.Channels})");
        }

        if (session.ExitedOnItsOwn is { } code and not 0)
        {
            var first = refusals[0];
            yield return new Violation("VC-13", $"after {first.Message.Response.Status} to its {Describe(session, first.Message.Response.RequestId)} it goes on working or exits with code 0",
                $"it exited with code {code} before the harness closed its control channel");
        }
    }

    /// <summary>VC-15: each relay opened by the process the setup named.</summary>
    public static IEnumerable<Violation> NamedProcess(ExtensionSession session)
    {
        foreach (var refused in session.OfExtension.OfType<RelayJudged>().Where(entry => entry.Verdict.Refusal is RelayRefusal.WrongProcess or RelayRefusal.UnknownProcess))
        {
            yield return new Violation("VC-15", $"the relay of \"{refused.Channel}\" opened by the process its setup named", refused.Verdict.Description);
        }
    }

    /// <summary>
    /// VC-16: every frame to the extension went in pieces of a few bytes, and it acted on them — it sent a request or
    /// opened a relay after its first response. Its tokens being raw is judged with them (VC-04).
    /// </summary>
    public static IEnumerable<Violation> SplitFrames(ExtensionSession session)
    {
        if (StoppedAtFirstAnswer(session) is not { } stopped)
        {
            throw new ScenarioSkippedException("no response was sent to the extension, so there was nothing split for it to read");
        }

        if (stopped)
        {
            yield return new Violation("VC-16", $"the extension reads frames handed to it in pieces (the first {ExtensionSession.PieceBytes} bytes, then two halves) and goes on",
                Ending(session, "after its first response it sent nothing more and opened no relay"));
        }
    }

    // Whether the extension sent no request and opened no relay after DCV's first response to it; null when none was sent.
    private static bool? StoppedAtFirstAnswer(ExtensionSession session)
    {
        var entries = session.OfExtension.ToList();
        var firstAnswer = entries.FindIndex(entry => entry is ControlMessageSent { Message.Response: not null });
        return firstAnswer < 0 ? null : !entries.Skip(firstAnswer + 1).Any(entry => entry is ControlMessageReceived or RelayJudged);
    }

    private static IEnumerable<ControlMessageSent> Refusals(ExtensionSession session) =>
        session.OfExtension.OfType<ControlMessageSent>().Where(sent => sent.Message.Response is { Status: not Response.Types.Status.Success and not Response.Types.Status.None });

    private static string Describe(ExtensionSession session, string requestId) =>
        session.OfExtension.OfType<ControlMessageReceived>().FirstOrDefault(received => received.Message.Request?.RequestId == requestId)?.Message.Request.RequestCase.ToString() ?? "request";

    private static string Ending(ExtensionSession session, string what) =>
        session.ExitedOnItsOwn is { } code ? $"{what}; it exited with code {code}" : what;

    // The token is a secret: reports say how long it is, never what it is.
    private static string Secret(ExtensionSession session)
    {
        var setup = session.OfExtension.OfType<ControlMessageSent>().Select(sent => sent.Message.Response?.SetupVirtualChannelResponse).FirstOrDefault(response => response is not null);
        return setup is null ? "setup's" : $"setup's {setup.VirtualChannelAuthToken.Length}-byte";
    }
}

using Conformance.Engine.Running;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Judges.Verdicts;

namespace Conformance.Engine.PipeMessaging.Certification.Judges;

/// <summary>Judges a command-pipe client under test on what its acts recorded.</summary>
internal static class CommandClientJudges
{
    /// <summary>PM-F04: an answer that came in pieces is taken: the client exits 0.</summary>
    public static IEnumerable<Violation> TakesPieces(LiveRun run)
    {
        if (run.ExitCode != 0)
        {
            yield return Violation("PM-F04", "the client, answered in five pieces, taking the answer and exiting with code 0", ExitDescription(run));
        }
    }

    /// <summary>
    /// PM-C04: the client still waits when the answer comes just before the time it must allow (measured from its request,
    /// within the early tolerance), and takes it.
    /// </summary>
    public static IEnumerable<Violation> WaitsLong(LiveRun run)
    {
        var connection = run.Peer("connection 1");
        var requested = connection?.Received.FirstOrDefault()?.At;
        var answered = run.Mark("answered");
        var response = run.Target.Timeout(TimeoutNames.Response);
        if (connection?.EndedAt is { } closed && closed < answered)
        {
            // Closing inside the early tolerance of the time it must wait is no violation, but it leaves the answer untaken.
            if (!run.Tolerance.NotBefore(closed - requested!.Value, response))
            {
                yield return Violation("PM-C04", $"the client still waiting {response.TotalSeconds:0.###} s after its request", $"it closed its connection {After(closed, requested, "its request")}");
            }
        }
        else if (run.ExitCode != 0)
        {
            yield return Violation("PM-C04", "the client taking the slow answer and exiting with code 0", ExitDescription(run));
        }
    }

    /// <summary>PM-F05: an answer cut off by the end of the stream is no answer: exit code 0 only after a whole one.</summary>
    public static IEnumerable<Violation> RefusesCutOff(LiveRun run)
    {
        var whole = run.Peer("connection 2")?.SentMessages.OfType<Response>().Any() == true;
        if (run.ExitCode == 0 && !whole)
        {
            yield return Violation("PM-F05", "a Response cut off by the end of the stream not taken as an answer: no exit code 0 without a whole Response",
                "the client exited with code 0, and the only answer it had was cut off");
        }
    }

    /// <summary>PM-F01/F02/F03/F06 on what the client sent.</summary>
    public static IEnumerable<Violation> FramesSent(IEnumerable<LiveRun> runs, string requirement) =>
        runs.SelectMany(run => Verdicts.FramesSent(run.Peers, "client", requirement));

    private static string ExitDescription(LiveRun run) =>
        run.ExitCode is { } code ? $"it exited with code {code} at {Seconds(run.ExitedAt)}" : "it had not exited when its exit deadline passed";
}

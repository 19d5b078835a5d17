using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector.Judges;

/// <summary>LC-C11 and LC-C13: how the connector ends when the Launcher hangs up, and how it runs without a pipe.</summary>
internal static class ExitJudge
{
    /// <summary>The CPU share of one core a waiting process may use ("without spinning the CPU").</summary>
    public const double MaxCpuShare = 0.10;

    /// <summary>The shortest wait the CPU share is measured over, so a prompt exit's own shutdown work is not mistaken for spinning.</summary>
    public static readonly TimeSpan ShortestMeasuredWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Processor time granted for the exit itself: a managed runtime's shutdown (and the ending of the remote client
    /// it started) took up to 0.3 s on a loaded two-core machine. Spinning costs a whole core for as long as it lasts,
    /// so a spin of a second or more still shows above the allowance.
    /// </summary>
    public static readonly TimeSpan ExitWorkAllowance = TimeSpan.FromMilliseconds(300);

    /// <summary>LC-C11: exited within the exit deadline of the Launcher closing the pipe.</summary>
    public static IEnumerable<Violation> ExitedAfterHangUp(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var limit = session.Target.Timeouts.Exit;
        var closedAt = session.ClosedByLauncherAt ?? throw new InvalidOperationException("The Launcher has not closed the pipe.");
        if (Deadline.Missed(Deadline.ExitOf(session), closedAt, limit, "it was still running") is { } missed)
        {
            yield return new Violation("LC-C11", $"the connector exits within {limit.TotalSeconds:0.###} s of the Launcher closing the pipe", missed);
        }
    }

    /// <summary>LC-C11: the process tree used at most <see cref="MaxCpuShare"/> of one core over the wait.</summary>
    public static IEnumerable<Violation> Quiet(TimeSpan cpu, TimeSpan wall)
    {
        var measured = wall < ShortestMeasuredWait ? ShortestMeasuredWait : wall;
        var waiting = cpu > ExitWorkAllowance ? cpu - ExitWorkAllowance : TimeSpan.Zero;
        var share = waiting / measured;
        if (share > MaxCpuShare)
        {
            yield return new Violation("LC-C11", $"at most {MaxCpuShare:P0} of one core while waiting to exit, beyond {ExitWorkAllowance.TotalMilliseconds:0} ms for the exit itself",
                $"{share:P0} ({cpu.TotalMilliseconds:0} ms of CPU over {measured.TotalMilliseconds:0} ms)");
        }
    }

    /// <summary>LC-C13: without a pipe, the connector runs, or exits with code 0, and does not crash.</summary>
    public static IEnumerable<Violation> RanWithoutPipe(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var process = session.Process!;
        if (process.Exited.IsCompleted && process.Exited.Result != 0)
        {
            yield return new Violation("LC-C13", "without VSI_IPC_PIPE_NAME the connector runs from its command line without crashing",
                $"it exited with code {process.Exited.Result}; standard error: {Tail(process.StandardError.Text)}");
        }
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "(empty)" : trimmed.Length <= 300 ? trimmed : "…" + trimmed[^300..];
    }
}

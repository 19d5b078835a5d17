namespace Conformance.Processes;

/// <summary>
/// What the harness and the process host say to each other over the host's control pipe, one line each.
/// The host is the parent of every process under test: it starts the command, reports its pid and exit,
/// and on <see cref="End"/> (or when the harness goes away) ends everything below it before it exits.
/// </summary>
internal static class ProcessHostProtocol
{
    /// <summary>The variable naming the control pipe (on Unix, its socket's full path); the host removes it before starting the command.</summary>
    public const string ControlVariable = "CONFORMANCE_HOST_CONTROL";

    /// <summary>Host → harness: <c>started PID</c>.</summary>
    public const string Started = "started";

    /// <summary>Host → harness: <c>failed REASON</c>; the command could not be started.</summary>
    public const string Failed = "failed";

    /// <summary>Host → harness: <c>exited CODE [CPU-MS]</c>; the command's own process exited, having used that much CPU with what it collected.</summary>
    public const string Exited = "exited";

    /// <summary>Harness → host: end every process below you, then exit.</summary>
    public const string End = "end";

    /// <summary>Host → harness: <c>ended N</c>; N processes were still running and were ended.</summary>
    public const string Ended = "ended";

    /// <summary>The host's assembly, built beside the harness.</summary>
    public const string AssemblyFile = "conformance-host.dll";

    /// <summary>The exit code of a host that was started wrongly (not by the harness).</summary>
    public const int UsageExitCode = 64;
}

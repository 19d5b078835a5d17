namespace Conformance.Protocols.Transport;

/// <summary>What a client meets when it connects while every instance of a <see cref="PipeListener"/> is taken.</summary>
public enum PipeBusyPolicy
{
    /// <summary>
    /// The pipe answers "busy" (NP-03): Windows' ERROR_PIPE_BUSY; on Unix the socket stops listening, so the
    /// connect fails at once with ECONNREFUSED, and listens again when an instance frees.
    /// </summary>
    Refuse,

    /// <summary>
    /// Unix: the socket keeps listening but accepts nothing, so new clients wait in the kernel's listen backlog
    /// and are accepted in order as instances free (PM-C02). Windows has no backlog and answers "busy" as with
    /// <see cref="Refuse"/>.
    /// </summary>
    Backlog,
}

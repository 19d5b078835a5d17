using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>How one request ended for the client: its Response, or why there is none.</summary>
/// <param name="Response">The server's answer, when one came.</param>
/// <param name="Failure">Why there is no answer: the time-out passed, the server closed first, or what it sent broke the protocol.</param>
public sealed record CommandOutcome(Response? Response, string? Failure)
{
    /// <summary>True when a Response to the request came.</summary>
    public bool Answered => Response is not null;
}

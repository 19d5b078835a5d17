using Conformance.Protocols.Framing;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>The outcome of decoding one payload: a message, or the member at fault and why.</summary>
/// <param name="Message">The message, when the payload is one.</param>
/// <param name="Kind">The form the payload came in, once it could be told.</param>
/// <param name="Error">Why there is no message.</param>
/// <param name="Member">The member at fault, as a path such as <c>payload.bytesIn</c>; null for the message as a whole.</param>
/// <param name="Reason">A sentence a person can act on, when there is an error.</param>
/// <param name="UnknownMembers">Members the protocol does not define: reported as information, never rejected.</param>
public sealed record PipeMessageDecodeResult(
    PipeMessage? Message,
    PayloadKind? Kind,
    PipeMessageError? Error,
    string? Member,
    string? Reason,
    IReadOnlyList<string> UnknownMembers)
{
    /// <summary>True when the payload is a valid message.</summary>
    public bool IsMessage => Message is not null;

    internal static PipeMessageDecodeResult Fail(PayloadKind? kind, PipeMessageError error, string? member, string reason) =>
        new(null, kind, error, member, reason, []);
}

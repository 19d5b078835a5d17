namespace Conformance.Protocols.Framing;

/// <summary>What a frame's payload is: its kind and text, or why it has neither.</summary>
/// <param name="Kind">JSON or XML, when the payload is one of them.</param>
/// <param name="Text">The payload decoded from UTF-8, when it is valid UTF-8.</param>
/// <param name="Error">Why the payload has no kind.</param>
/// <param name="Message">A sentence saying what was found where, when there is an error.</param>
/// <param name="Offset">The byte the error is about: the first invalid byte, or the first non-whitespace one.</param>
public sealed record PayloadDetection(PayloadKind? Kind, string? Text, PayloadError? Error, string? Message, int? Offset)
{
    /// <summary>True when the payload is UTF-8 JSON or XML by its first non-whitespace byte.</summary>
    public bool IsKnown => Kind is not null;
}

namespace Conformance.Protocols.PipeMessaging;

/// <summary>Stops a decoder at the first fault; the codec turns it into a result, so it never leaves the assembly.</summary>
internal sealed class DecodeFailure(PipeMessageError error, string? member, string reason) : Exception(reason)
{
    public PipeMessageError Error { get; } = error;

    public string? Member { get; } = member;

    public static DecodeFailure Missing(string member) =>
        new(PipeMessageError.MissingMember, member, $"the member {member} is required");
}

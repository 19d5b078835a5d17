namespace Conformance.Protocols.PipeMessaging;

/// <summary>The rules for members' text values, the same in both forms.</summary>
internal static class MemberValues
{
    public static Guid Guid(string member, string text) =>
        CanonicalGuid.Parse(text)
        ?? throw new DecodeFailure(PipeMessageError.BadValue, member, $"{member} \"{Shorten(text)}\" is not a GUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");

    public static HandshakeSender Sender(string text) => text switch
    {
        nameof(HandshakeSender.Client) => HandshakeSender.Client,
        nameof(HandshakeSender.Service) => HandshakeSender.Service,
        _ => throw new DecodeFailure(PipeMessageError.BadValue, MessageMembers.Sender, $"sender \"{Shorten(text)}\" is neither Client nor Service"),
    };

    public static ResponseStatus Status(string text) => text switch
    {
        nameof(ResponseStatus.Success) => ResponseStatus.Success,
        nameof(ResponseStatus.Error) => ResponseStatus.Error,
        _ => throw new DecodeFailure(PipeMessageError.BadValue, MessageMembers.Status, $"status \"{Shorten(text)}\" is neither Success nor Error"),
    };

    public static string Error(string text) =>
        text.Length > 0 ? text : throw new DecodeFailure(PipeMessageError.BadValue, MessageMembers.Error, "error is empty; a failed response says what went wrong");

    public static DecodeFailure ErrorWithSuccess() =>
        new(PipeMessageError.MemberNotAllowed, MessageMembers.Error, "error goes with status Error; a Success response carries a result instead");

    public static DecodeFailure ResultWithError() =>
        new(PipeMessageError.MemberNotAllowed, MessageMembers.Result, "result goes with status Success; an Error response carries an error instead");

    /// <summary>Text short enough to quote in a reason.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}

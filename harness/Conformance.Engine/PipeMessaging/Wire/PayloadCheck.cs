using Conformance.Engine.Validation;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.Wire;

/// <summary>
/// One payload judged as PM-F03 asks, whichever side sent it: UTF-8, JSON or XML by its first significant
/// character, a message by the codec, and valid against the reference schema of its form (JSON Schema or XSD).
/// </summary>
/// <param name="Message">The message, when the payload is one.</param>
/// <param name="Kind">Its form, once it could be told.</param>
/// <param name="Problems">What is wrong with it; empty when it is a valid message.</param>
/// <param name="UnknownMembers">Members the protocol does not define: information, never a fault.</param>
internal sealed record PayloadCheck(PipeMessage? Message, PayloadKind? Kind, IReadOnlyList<string> Problems, IReadOnlyList<string> UnknownMembers)
{
    /// <summary>The protocol's schema folder.</summary>
    public const string Protocol = "pipe-messaging";

    /// <summary>True when the payload is a message that satisfies its schema.</summary>
    public bool IsValid => Message is not null && Problems.Count == 0;

    /// <summary>Judges <paramref name="payload"/>.</summary>
    public static PayloadCheck Of(ReadOnlySpan<byte> payload, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var detection = PayloadKinds.Detect(payload);
        if (!detection.IsKnown)
        {
            return new PayloadCheck(null, null, [detection.Message!], []);
        }

        var decoded = PipeMessageCodec.Decode(payload);
        var problems = new List<string>();
        if (!decoded.IsMessage)
        {
            problems.Add($"{decoded.Error}{(decoded.Member is null ? "" : $" at {decoded.Member}")}: {decoded.Reason}");
        }

        var text = detection.Text!;
        IReadOnlyList<SchemaIssue> issues = detection.Kind == PayloadKind.Xml
            ? schemas.GetXml(Protocol).Validate(text)
            : decoded.Message is { } message ? schemas.Get($"{Protocol}/{Stem(message.MessageType)}").Validate(text) : [];
        problems.AddRange(issues.Select(issue => $"schema: {issue}"));
        return new PayloadCheck(decoded.Message, detection.Kind, problems.Distinct().ToList(), decoded.UnknownMembers);
    }

    /// <summary>The schema stem of a message type: <c>Handshake</c> → <c>handshake</c>.</summary>
    public static string Stem(string messageType) => messageType.ToLowerInvariant();
}

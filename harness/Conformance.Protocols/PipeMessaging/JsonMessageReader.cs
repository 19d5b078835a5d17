using System.Text.Json;
using Conformance.Protocols.Framing;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>
/// Decodes the JSON form with the schemas' strictness: case-sensitive member names, each member's type,
/// canonical GUIDs, and Response's pairing of status with result or error. A member the message does not
/// define is listed, not rejected; a member that appears twice anywhere is rejected, which the schemas
/// cannot see.
/// </summary>
internal static class JsonMessageReader
{
    public static PipeMessageDecodeResult Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return PipeMessageDecodeResult.Fail(PayloadKind.Json, PipeMessageError.InvalidJson, null, $"not valid JSON: {exception.Message}");
        }

        using (document)
        {
            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new DecodeFailure(PipeMessageError.NotAnObject, null, $"the message is {JsonValues.Describe(root)}, not a JSON object");
                }

                RejectDuplicates(root, "");
                var message = ReadMessage(root);
                var known = MessageMembers.Of(message.MessageType).Prepend(MessageMembers.MessageType).ToHashSet(StringComparer.Ordinal);
                var unknown = root.EnumerateObject().Select(member => member.Name).Where(name => !known.Contains(name)).ToList();
                return new PipeMessageDecodeResult(message, PayloadKind.Json, null, null, null, unknown);
            }
            catch (DecodeFailure failure)
            {
                return PipeMessageDecodeResult.Fail(PayloadKind.Json, failure.Error, failure.Member, failure.Message);
            }
        }
    }

    private static PipeMessage ReadMessage(JsonElement root)
    {
        if (!root.TryGetProperty(MessageMembers.MessageType, out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new DecodeFailure(PipeMessageError.BadMessageType, MessageMembers.MessageType, "messageType is missing or not a string");
        }

        return type.GetString() switch
        {
            PipeMessageTypes.Handshake => new Handshake(MemberValues.Sender(String(root, MessageMembers.Sender))),
            PipeMessageTypes.Event => new Event(
                MemberValues.Guid(MessageMembers.EventId, String(root, MessageMembers.EventId)),
                String(root, MessageMembers.EventType),
                Object(root, MessageMembers.Payload)),
            PipeMessageTypes.Confirmation => new Confirmation(MemberValues.Guid(MessageMembers.EventId, String(root, MessageMembers.EventId))),
            PipeMessageTypes.Request => new Request(
                MemberValues.Guid(MessageMembers.RequestId, String(root, MessageMembers.RequestId)),
                String(root, MessageMembers.Command),
                Object(root, MessageMembers.Parameters)),
            PipeMessageTypes.Response => ReadResponse(root),
            var other => throw new DecodeFailure(PipeMessageError.UnknownMessageType, MessageMembers.MessageType,
                $"messageType \"{MemberValues.Shorten(other!)}\" is not one of {string.Join(", ", PipeMessageTypes.All)}"),
        };
    }

    // An absent member and a JSON null mean the same for the member a status does not use.
    private static Response ReadResponse(JsonElement root)
    {
        var requestId = MemberValues.Guid(MessageMembers.RequestId, String(root, MessageMembers.RequestId));
        var status = MemberValues.Status(String(root, MessageMembers.Status));
        var hasResult = root.TryGetProperty(MessageMembers.Result, out var result);
        var hasError = root.TryGetProperty(MessageMembers.Error, out var error) && error.ValueKind != JsonValueKind.Null;
        if (hasError && error.ValueKind != JsonValueKind.String)
        {
            throw WrongType(MessageMembers.Error, error, "a string");
        }

        if (status == ResponseStatus.Success)
        {
            return hasError ? throw MemberValues.ErrorWithSuccess()
                : hasResult ? new Response(requestId, status, result.Clone())
                : throw DecodeFailure.Missing(MessageMembers.Result);
        }

        if (hasResult && result.ValueKind != JsonValueKind.Null)
        {
            throw MemberValues.ResultWithError();
        }

        return hasError ? new Response(requestId, status, null, MemberValues.Error(error.GetString()!)) : throw DecodeFailure.Missing(MessageMembers.Error);
    }

    private static string String(JsonElement root, string member)
    {
        var value = Required(root, member);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(member, value, "a string");
    }

    private static JsonElement Object(JsonElement root, string member)
    {
        var value = Required(root, member);
        return value.ValueKind == JsonValueKind.Object ? value.Clone() : throw WrongType(member, value, "an object");
    }

    private static JsonElement Required(JsonElement root, string member) =>
        root.TryGetProperty(member, out var value) ? value : throw DecodeFailure.Missing(member);

    private static DecodeFailure WrongType(string member, JsonElement value, string expected) =>
        new(PipeMessageError.WrongType, member, $"{member} is {JsonValues.Describe(value)}, not {expected}");

    private static void RejectDuplicates(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                RejectDuplicates(item, $"{path}[{index++}]");
            }
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (!seen.Add(member.Name))
            {
                throw new DecodeFailure(PipeMessageError.DuplicateMember, memberPath, $"the member {memberPath} appears more than once");
            }

            RejectDuplicates(member.Value, memberPath);
        }
    }
}

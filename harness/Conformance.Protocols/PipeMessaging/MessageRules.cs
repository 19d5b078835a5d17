using System.Text.Json;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>What a message must hold before it is written in either form; the codec never writes a message the decoder would reject.</summary>
internal static class MessageRules
{
    /// <summary>The member's value, which must be a JSON object.</summary>
    public static JsonElement Object(string member, JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
            ? value
            : throw new ArgumentException($"{member} must be a JSON object, not {JsonValues.Describe(value)}.", member);

    /// <summary>A success's result (a JSON null when it has none), or null for a failure, whose error is then checked.</summary>
    public static JsonElement? Outcome(Response response)
    {
        if (response.Status == ResponseStatus.Success)
        {
            return response.Error is null
                ? response.Result is { ValueKind: not JsonValueKind.Undefined } result ? result : JsonValues.Null
                : throw new ArgumentException("A Success response carries no error.", nameof(response));
        }

        if (response.Result is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
        {
            throw new ArgumentException("An Error response carries no result.", nameof(response));
        }

        return string.IsNullOrEmpty(response.Error)
            ? throw new ArgumentException("An Error response says what went wrong: its error may not be empty.", nameof(response))
            : null;
    }
}

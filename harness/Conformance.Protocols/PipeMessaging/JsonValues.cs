using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>Small facts about the JSON values messages carry.</summary>
internal static class JsonValues
{
    // Non-ASCII text stays readable in the element's raw text, as the JSON form writes it.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON null, as an element.</summary>
    public static JsonElement Null { get; } = JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>The node as an element of its own; a null node is a JSON null.</summary>
    public static JsonElement From(JsonNode? node) => JsonSerializer.SerializeToElement(node, Relaxed);

    /// <summary>True when both values are the same JSON (a default, undefined element equals only another).</summary>
    public static bool Same(JsonElement left, JsonElement right) =>
        left.ValueKind == right.ValueKind && (left.ValueKind == JsonValueKind.Undefined || JsonElement.DeepEquals(left, right));

    /// <summary>The value's kind in words, for messages: "a string", "null", "an array".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

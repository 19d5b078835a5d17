using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Documentation.Diagrams;

/// <summary>Short texts from a transcript entry's members, for the labels of a sequence diagram.</summary>
internal static class EntryText
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The member <paramref name="name"/> as text: a string as it is, anything else as compact JSON; null when absent or null.</summary>
    public static string? Field(JsonObject entry, string name)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Of(entry[name]);
    }

    /// <summary><paramref name="node"/> as text: a string as it is, anything else as compact JSON; null for null.</summary>
    public static string? Of(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(Compact),
    };

    /// <summary>Every member but "at" and "kind", as <c>name: value</c> pairs: what an entry of an unknown kind says.</summary>
    public static string Members(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join(", ", entry.Where(member => member.Key is not ("at" or "kind")).Select(member => $"{member.Key}: {Of(member.Value) ?? "null"}"));
    }

    /// <summary>The whole entry as compact JSON, for a tooltip.</summary>
    public static string Whole(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ToJsonString(Compact);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Protocols.Secrets;

namespace Conformance.Engine.Snapshots;

/// <summary>Masks secrets in every string of a JSON document, member names included, before it is written anywhere.</summary>
internal static class JsonMasking
{
    /// <summary>A copy of <paramref name="node"/> with <paramref name="mask"/> applied to every string.</summary>
    public static JsonNode? Mask(JsonNode? node, SecretMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Walk(node?.DeepClone(), mask);
    }

    private static JsonNode? Walk(JsonNode? node, SecretMask mask)
    {
        switch (node)
        {
            case JsonObject obj:
                var masked = new JsonObject();
                foreach (var (name, value) in obj.ToList())
                {
                    obj.Remove(name);
                    masked[mask.Apply(name)] = Walk(value, mask);
                }

                return masked;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    array[index] = Walk(array[index]?.DeepClone(), mask);
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(mask.Apply(value.GetValue<string>()));
            default:
                return node;
        }
    }
}

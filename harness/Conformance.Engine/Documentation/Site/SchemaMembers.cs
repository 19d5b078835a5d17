using System.Text.Json.Nodes;

namespace Conformance.Engine.Documentation.Site;

/// <summary>
/// A JSON Schema's members as rows a reader can scan: name (nested ones dotted, <c>*</c> for a map's values), type,
/// whether required, description and the rules that constrain it. Local <c>$ref</c>s are followed.
/// </summary>
internal static class SchemaMembers
{
    private static readonly string[] Alternatives = ["oneOf", "anyOf"];

    public static IReadOnlyList<SchemaMember> Of(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var members = new List<SchemaMember>();
        Walk(schema, schema, "", members, depth: 0);
        return members;
    }

    /// <summary>The alternatives a schema allows (oneOf, anyOf), each by its description.</summary>
    public static IReadOnlyList<string> Forms(JsonObject schema) =>
        Alternatives.SelectMany(keyword => schema[keyword] is JsonArray forms ? forms.OfType<JsonObject>() : [])
            .Select(form => Text(form["description"]) ?? Text(form["title"]) ?? form.ToJsonString()).ToList();

    /// <summary>What the schema says of members it does not list.</summary>
    public static string? Others(JsonObject schema) => schema["additionalProperties"] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var allowed) => allowed ? "Other members are allowed." : "No other member is allowed.",
        JsonObject => null,
        _ => schema["properties"] is null ? null : "Other members are allowed.",
    };

    private static void Walk(JsonObject root, JsonObject schema, string prefix, List<SchemaMember> members, int depth)
    {
        if (depth > 4 || schema["properties"] is not JsonObject properties)
        {
            return;
        }

        var required = schema["required"] is JsonArray names ? names.Select(Text).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (name, node) in properties)
        {
            if (node is not JsonObject property)
            {
                continue;
            }

            var resolved = Resolve(root, property);
            var full = prefix + name;
            members.Add(new SchemaMember(full, Type(resolved), required.Contains(name), Text(property["description"]) ?? Text(resolved["description"]) ?? "", Rules(resolved)));
            Walk(root, resolved, full + ".", members, depth + 1);
            if (resolved["additionalProperties"] is JsonObject values)
            {
                var valueSchema = Resolve(root, values);
                members.Add(new SchemaMember(full + ".*", Type(valueSchema), false, Text(valueSchema["description"]) ?? "each value", Rules(valueSchema)));
            }

            if (resolved["items"] is JsonObject items && Resolve(root, items) is var itemSchema && itemSchema["properties"] is not null)
            {
                Walk(root, itemSchema, full + "[].", members, depth + 1);
            }
        }
    }

    // A local reference ("#/definitions/guid") is replaced by what it names; the member's own keywords stay on top.
    private static JsonObject Resolve(JsonObject root, JsonObject schema)
    {
        if (Text(schema["$ref"]) is not { } reference || !reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return schema;
        }

        JsonNode? target = root;
        foreach (var part in reference[2..].Split('/'))
        {
            target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        if (target is not JsonObject referenced)
        {
            return schema;
        }

        var merged = (JsonObject)referenced.DeepClone();
        foreach (var (name, value) in schema.Where(pair => pair.Key != "$ref"))
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    private static string Type(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => string.Join(" or ", types.Select(Text)),
        JsonValue type => Text(type) ?? "",
        _ => schema["enum"] is not null ? "one of the values" : schema["const"] is not null ? "the constant" : "any",
    };

    private static string Rules(JsonObject schema)
    {
        var rules = new List<string>();
        if (schema["enum"] is JsonArray values)
        {
            rules.Add("one of: " + string.Join(", ", values.Select(value => value is null ? "null" : value.ToJsonString())));
        }

        if (schema["const"] is { } constant)
        {
            rules.Add("exactly " + constant.ToJsonString());
        }

        foreach (var (keyword, words) in new[] { ("pattern", "matches"), ("format", "format"), ("minimum", "at least"), ("maximum", "at most"), ("exclusiveMinimum", "more than"),
            ("exclusiveMaximum", "less than"), ("minLength", "at least this many characters:"), ("maxLength", "at most this many characters:"), ("minItems", "at least this many items:"), ("maxItems", "at most this many items:") })
        {
            if (schema[keyword] is JsonValue value)
            {
                rules.Add($"{words} {Text(value)}");
            }
        }

        return string.Join("; ", rules);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;
}

/// <summary>One row of a schema's members.</summary>
internal sealed record SchemaMember(string Name, string Type, bool Required, string Description, string Rules);

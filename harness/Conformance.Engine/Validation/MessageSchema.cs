using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Conformance.Engine.Validation;

/// <summary>One message's JSON Schema (draft-07), loaded with NJsonSchema, judging JSON text.</summary>
internal sealed class MessageSchema
{
    private readonly JsonSchema _schema;

    private MessageSchema(string name, JsonSchema schema)
    {
        Name = name;
        _schema = schema;
    }

    /// <summary>"&lt;protocol&gt;/&lt;stem&gt;", such as <c>launcher-connector/custom-connector-event</c>.</summary>
    public string Name { get; }

    /// <summary>Loads the schema at <paramref name="path"/> under <paramref name="name"/>.</summary>
    public static async Task<MessageSchema> LoadAsync(string name, string path) =>
        new(name, await JsonSchema.FromFileAsync(path).ConfigureAwait(false));

    /// <summary>Every issue with <paramref name="json"/>; empty when it is valid.</summary>
    public IReadOnlyList<SchemaIssue> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JToken token;
        try
        {
            // Dates stay strings and numbers stay exact: the schema must judge the text as sent.
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return [new SchemaIssue("$", "json", $"more follows the JSON value (at line {reader.LineNumber}, position {reader.LinePosition})")];
            }
        }
        catch (JsonReaderException exception)
        {
            return [new SchemaIssue("$", "json", $"not valid JSON: {exception.Message}")];
        }

        return _schema.Validate(token).SelectMany(error => Flatten(error, token)).Select(error => Describe(error, token)).Distinct().ToList();
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error, JToken root)
    {
        // A value of an allowed type that breaks that type's own rule ("processId": -3 against integer-or-null)
        // is reported by that rule (minimum), not as "none of the allowed types".
        if (error is MultiTypeValidationError multi && Value(root, ToJsonPath(error.Path)) is { } value
            && multi.Errors.FirstOrDefault(pair => Matches(pair.Key, value.Type)).Value is { Count: > 0 } branch)
        {
            return branch.SelectMany(inner => Flatten(inner, root));
        }

        return error is ChildSchemaValidationError child && child.Errors.Count > 0
            ? child.Errors.SelectMany(pair => pair.Value).SelectMany(inner => Flatten(inner, root)).Prepend(error)
            : [error];
    }

    private static bool Matches(JsonObjectType type, JTokenType token) => token switch
    {
        JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
        JTokenType.Float => type.HasFlag(JsonObjectType.Number),
        JTokenType.String => type.HasFlag(JsonObjectType.String),
        JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
        JTokenType.Array => type.HasFlag(JsonObjectType.Array),
        JTokenType.Object => type.HasFlag(JsonObjectType.Object),
        _ => false,
    };

    private static SchemaIssue Describe(ValidationError error, JToken root)
    {
        var path = ToJsonPath(error.Path);
        var member = error.Property is { Length: > 0 } property ? $"\"{property}\"" : "the value";
        var rule = error.Schema;
        var got = Value(root, path) is { } value ? $" (got {Shorten(value.ToString(Formatting.None))})" : "";
        var (keyword, reason) = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ("required", $"the member \"{error.Property}\" is required"),
            ValidationErrorKind.NotInEnumeration => ("enum", $"{member} is not one of the allowed values: {AllowedValues(rule)}{got}"),
            ValidationErrorKind.PatternMismatch => ("pattern", $"{member} does not have the required form{(rule?.Pattern is { } pattern ? $" ({pattern})" : "")}{got}"),
            ValidationErrorKind.NumberTooSmall => ("minimum", $"{member} must be {Lower(rule)}{got}"),
            ValidationErrorKind.NumberTooBig => ("maximum", $"{member} must be {Upper(rule)}{got}"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => ("additionalProperties", $"{member} is not a member this object has{Known(error)}"),
            ValidationErrorKind.NotOneOf => ("oneOf", $"{member} matches none, or more than one, of the allowed forms"),
            ValidationErrorKind.NotAnyOf => ("anyOf", $"{member} matches none of the allowed forms"),
            ValidationErrorKind.StringTooShort => ("minLength", $"{member} must have at least {rule?.MinLength} characters"),
            ValidationErrorKind.StringTooLong => ("maxLength", $"{member} must have at most {rule?.MaxLength} characters"),
            ValidationErrorKind.TooFewItems => ("minItems", $"{member} must have at least {rule?.MinItems} items"),
            ValidationErrorKind.TooManyItems => ("maxItems", $"{member} must have at most {rule?.MaxItems} items"),
            ValidationErrorKind.ExcludedSchemaValidates => ("not", $"{member} has a form that is not allowed here{(rule?.Description is { Length: > 0 } description ? $": {description}" : "")}"),
            ValidationErrorKind.ArrayExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.NumberExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.StringExpected
                or ValidationErrorKind.NullExpected => ("type", $"{member} should be {TypeWord(error.Kind)}{got}"),
            ValidationErrorKind.NoTypeValidates => ("type", $"{member} has none of the allowed types{got}"),
            _ => (error.Kind.ToString(), $"{member} breaks the schema's rule {error.Kind}"),
        };
        return new SchemaIssue(path, keyword, reason);
    }

    private static string AllowedValues(JsonSchema? rule) =>
        rule?.Enumeration is { Count: > 0 } values ? string.Join(", ", values.Select(value => value is string text ? text : value?.ToString() ?? "null")) : "(see the schema)";

    private static string Lower(JsonSchema? rule) =>
        rule?.ExclusiveMinimum is { } exclusive ? $"more than {exclusive}"
        : rule?.Minimum is { } minimum ? (rule.IsExclusiveMinimum ? $"more than {minimum}" : $"at least {minimum}")
        : "larger";

    private static string Upper(JsonSchema? rule) =>
        rule?.ExclusiveMaximum is { } exclusive ? $"less than {exclusive}"
        : rule?.Maximum is { } maximum ? (rule.IsExclusiveMaximum ? $"less than {maximum}" : $"at most {maximum}")
        : "smaller";

    private static string Known(ValidationError error) =>
        error.Schema?.Properties is { Count: > 0 } properties ? $"; its members are {string.Join(", ", properties.Keys)}" : "";

    private static JToken? Value(JToken root, string path)
    {
        try
        {
            return root.SelectToken(path);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static string TypeWord(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.ArrayExpected => "an array",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.IntegerExpected => "a whole number",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.ObjectExpected => "an object",
        ValidationErrorKind.StringExpected => "a string",
        _ => "null",
    };

    private static string ToJsonPath(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer == "#")
        {
            return "$";
        }

        var parts = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "$" + string.Concat(parts.Select(part => part.StartsWith('[') ? part : "." + part));
    }
}

using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Conformance.Engine.Validation;

/// <summary>One message's JSON Schema (draft-07), loaded with NJsonSchema, judging JSON text.</summary>
public sealed class MessageSchema
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

        return _schema.Validate(token).SelectMany(Flatten).Select(Describe).Distinct().ToList();
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child && child.Errors.Count > 0
            ? child.Errors.SelectMany(pair => pair.Value).SelectMany(Flatten).Prepend(error)
            : [error];

    private static SchemaIssue Describe(ValidationError error)
    {
        var path = ToJsonPath(error.Path);
        var member = error.Property is { Length: > 0 } property ? $"\"{property}\"" : "the value";
        var (keyword, reason) = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ("required", $"the member \"{error.Property}\" is required"),
            ValidationErrorKind.NotInEnumeration => ("enum", $"{member} is not one of the allowed values"),
            ValidationErrorKind.PatternMismatch => ("pattern", $"{member} does not have the required form"),
            ValidationErrorKind.NumberTooSmall => ("minimum", $"{member} is below the minimum"),
            ValidationErrorKind.NumberTooBig => ("maximum", $"{member} is above the maximum"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => ("additionalProperties", $"{member} is not allowed here"),
            ValidationErrorKind.NotOneOf => ("oneOf", $"{member} matches none, or more than one, of the allowed forms"),
            ValidationErrorKind.NotAnyOf => ("anyOf", $"{member} matches none of the allowed forms"),
            ValidationErrorKind.StringTooShort => ("minLength", $"{member} is too short"),
            ValidationErrorKind.StringTooLong => ("maxLength", $"{member} is too long"),
            ValidationErrorKind.ArrayExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.NumberExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.StringExpected
                or ValidationErrorKind.NullExpected => ("type", $"{member} should be {TypeWord(error.Kind)}"),
            ValidationErrorKind.NoTypeValidates => ("type", $"{member} has none of the allowed types"),
            _ => (error.Kind.ToString(), $"{member} breaks the rule {error.Kind}"),
        };
        return new SchemaIssue(path, keyword, reason);
    }

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

namespace Conformance.Engine.Validation;

/// <summary>Every message schema under <c>schemas/</c>, by name (<c>&lt;protocol folder&gt;/&lt;stem&gt;</c>).</summary>
public sealed class SchemaSet
{
    /// <summary>The file suffix of a schema.</summary>
    public const string Suffix = ".schema.json";

    private readonly Dictionary<string, MessageSchema> _schemas;

    private SchemaSet(Dictionary<string, MessageSchema> schemas) => _schemas = schemas;

    /// <summary>The names of every schema.</summary>
    public IReadOnlyCollection<string> Names => _schemas.Keys;

    /// <summary>Loads every <c>*.schema.json</c> one folder below <paramref name="schemasDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A schema cannot be read; the message names the file.</exception>
    public static async Task<SchemaSet> LoadAsync(string schemasDirectory)
    {
        var schemas = new Dictionary<string, MessageSchema>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(schemasDirectory).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*" + Suffix).Order(StringComparer.Ordinal))
            {
                var name = $"{Path.GetFileName(folder)}/{Path.GetFileName(file)[..^Suffix.Length]}";
                try
                {
                    schemas[name] = await MessageSchema.LoadAsync(name, file).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
                {
                    throw new InvalidDataException($"{file} is not a JSON Schema the tool can read: {exception.Message}", exception);
                }
            }
        }

        return new SchemaSet(schemas);
    }

    /// <summary>The schema named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such schema; the message lists the known names.</exception>
    public MessageSchema Get(string name) =>
        _schemas.TryGetValue(name, out var schema)
            ? schema
            : throw new KeyNotFoundException($"No schema named \"{name}\". Known: {string.Join(", ", _schemas.Keys)}.");
}

namespace Conformance.Engine.Validation;

/// <summary>Every message schema under <c>schemas/</c>, by name (<c>&lt;protocol folder&gt;/&lt;stem&gt;</c>).</summary>
internal sealed class SchemaSet
{
    /// <summary>The file suffix of a schema.</summary>
    public const string Suffix = ".schema.json";

    private readonly Dictionary<string, MessageSchema> _schemas;
    private readonly Dictionary<string, XmlMessageSchema> _xml;

    private SchemaSet(Dictionary<string, MessageSchema> schemas, Dictionary<string, XmlMessageSchema> xml)
    {
        _schemas = schemas;
        _xml = xml;
    }

    /// <summary>The names of every schema.</summary>
    public IReadOnlyCollection<string> Names => _schemas.Keys;

    /// <summary>Loads every <c>*.schema.json</c>, and the <c>*.xsd</c> of a protocol whose messages also have an XML form, one folder below <paramref name="schemasDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A schema cannot be read; the message names the file.</exception>
    public static async Task<SchemaSet> LoadAsync(string schemasDirectory)
    {
        var schemas = new Dictionary<string, MessageSchema>(StringComparer.Ordinal);
        var xml = new Dictionary<string, XmlMessageSchema>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(schemasDirectory).Order(StringComparer.Ordinal))
        {
            if (Directory.EnumerateFiles(folder, "*.xsd").Order(StringComparer.Ordinal).FirstOrDefault() is { } xsd)
            {
                xml[Path.GetFileName(folder)] = XmlMessageSchema.Load(Path.GetFileName(folder), xsd);
            }

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

        return new SchemaSet(schemas, xml);
    }

    /// <summary>The XSD of <paramref name="protocol"/>'s XML messages, or null when its messages have no XML form.</summary>
    public XmlMessageSchema? FindXml(string protocol) => _xml.GetValueOrDefault(protocol);

    /// <summary>The XSD of the messages of <paramref name="protocol"/> (a folder name such as <c>pipe-messaging</c>).</summary>
    /// <exception cref="KeyNotFoundException">That protocol has no XSD.</exception>
    public XmlMessageSchema GetXml(string protocol) =>
        _xml.TryGetValue(protocol, out var schema)
            ? schema
            : throw new KeyNotFoundException($"No XSD for \"{protocol}\". Known: {string.Join(", ", _xml.Keys)}.");

    /// <summary>The schema named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such schema; the message lists the known names.</exception>
    public MessageSchema Get(string name) =>
        _schemas.TryGetValue(name, out var schema)
            ? schema
            : throw new KeyNotFoundException($"No schema named \"{name}\". Known: {string.Join(", ", _schemas.Keys)}.");
}

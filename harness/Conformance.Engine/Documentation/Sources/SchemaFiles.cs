using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Validation;

namespace Conformance.Engine.Documentation.Sources;

/// <summary>
/// Every message contract under <c>schemas/</c> as the site shows it: each JSON Schema with its valid and invalid
/// examples (<c>examples/&lt;stem&gt;/{valid,invalid}</c>), its XML examples where the group has them
/// (<c>examples-xml/&lt;stem&gt;/…</c>), and each XSD.
/// </summary>
internal static class SchemaFiles
{
    /// <summary>Reads every group under <paramref name="schemasDirectory"/>; paths are given relative to <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">A schema is not JSON.</exception>
    public static IReadOnlyList<SchemaGroup> Load(string schemasDirectory, string root)
    {
        if (!Directory.Exists(schemasDirectory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(schemasDirectory).Order(StringComparer.Ordinal).Select(folder =>
        {
            var group = Path.GetFileName(folder);
            var schemas = Directory.EnumerateFiles(folder, "*" + SchemaSet.Suffix).Order(StringComparer.Ordinal).Select(file =>
            {
                var stem = Path.GetFileName(file)[..^SchemaSet.Suffix.Length];
                var text = File.ReadAllText(file);
                JsonObject schema;
                try
                {
                    schema = JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"{file} is not a JSON Schema: not an object.");
                }
                catch (JsonException exception)
                {
                    throw new InvalidDataException($"{file} is not a JSON Schema: {exception.Message}", exception);
                }

                return new SchemaDocument(group, stem, Relative(root, file), text, schema,
                    Examples(Path.Combine(folder, "examples", stem, "valid"), root),
                    Examples(Path.Combine(folder, "examples", stem, "invalid"), root),
                    Examples(Path.Combine(folder, "examples-xml", stem, "valid"), root),
                    Examples(Path.Combine(folder, "examples-xml", stem, "invalid"), root));
            }).ToList();
            var xsds = Directory.EnumerateFiles(folder, "*.xsd").Order(StringComparer.Ordinal)
                .Select(file => new XsdDocument(group, Path.GetFileName(file), Relative(root, file), File.ReadAllText(file))).ToList();
            return new SchemaGroup(group, schemas, xsds);
        }).Where(group => group.Schemas.Count > 0 || group.Xsds.Count > 0).ToList();
    }

    private static List<ExampleFile> Examples(string folder, string root) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
                .Select(file => new ExampleFile(Path.GetFileNameWithoutExtension(file), Relative(root, file), File.ReadAllText(file))).ToList()
            : [];

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}

/// <summary>The contracts of one folder under <c>schemas/</c>: a protocol's messages, or the tool's own formats.</summary>
internal sealed record SchemaGroup(string Name, IReadOnlyList<SchemaDocument> Schemas, IReadOnlyList<XsdDocument> Xsds);

/// <summary>One JSON Schema with its examples.</summary>
/// <param name="Group">Its folder under schemas/.</param>
/// <param name="Stem">Its file name without <c>.schema.json</c>.</param>
/// <param name="Path">Relative to the project root.</param>
/// <param name="Text">The file as written.</param>
/// <param name="Schema">The file parsed.</param>
/// <param name="Valid">Messages it accepts.</param>
/// <param name="Invalid">Messages it rejects.</param>
/// <param name="XmlValid">The same messages' XML form that the group's XSD accepts.</param>
/// <param name="XmlInvalid">XML forms the XSD rejects.</param>
internal sealed record SchemaDocument(string Group, string Stem, string Path, string Text, JsonObject Schema,
    IReadOnlyList<ExampleFile> Valid, IReadOnlyList<ExampleFile> Invalid, IReadOnlyList<ExampleFile> XmlValid, IReadOnlyList<ExampleFile> XmlInvalid)
{
    /// <summary>"group/stem", as <see cref="SchemaSet"/> names it.</summary>
    public string Name => $"{Group}/{Stem}";

    /// <summary>The schema's title, or its stem.</summary>
    public string Title => Schema["title"] is JsonValue title && title.TryGetValue<string>(out var text) ? text : Stem;
}

/// <summary>One example file.</summary>
/// <param name="Name">Its file name without extension, which says what it shows ("missing-password").</param>
/// <param name="Path">Relative to the project root.</param>
/// <param name="Text">As written.</param>
internal sealed record ExampleFile(string Name, string Path, string Text);

/// <summary>One XML Schema.</summary>
internal sealed record XsdDocument(string Group, string FileName, string Path, string Text);

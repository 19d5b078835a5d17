using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Conformance.Engine.Requirements;

/// <summary>
/// The requirements the suite checks, read from each protocol's <c>features/&lt;protocol&gt;/requirements.json</c>,
/// so that a requirement, its level and its scenarios sit side by side.
/// </summary>
public sealed partial class RequirementCatalog
{
    /// <summary>The catalog's file name in each protocol folder.</summary>
    public const string FileName = "requirements.json";

    private readonly Dictionary<string, Requirement> _byId;

    /// <summary>Creates a catalog from entries; IDs must be unique.</summary>
    public RequirementCatalog(IEnumerable<Requirement> requirements)
    {
        Requirements = requirements.ToList();
        _byId = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        foreach (var requirement in Requirements)
        {
            if (!_byId.TryAdd(requirement.Id, requirement))
            {
                throw new InvalidDataException($"The requirement {requirement.Id} is listed twice.");
            }
        }
    }

    /// <summary>Every requirement, in catalog order.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>The requirement with <paramref name="id"/>, or null.</summary>
    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads every <see cref="FileName"/> under <paramref name="featuresDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A catalog file is malformed; the message names the file and the entry.</exception>
    public static RequirementCatalog Load(string featuresDirectory)
    {
        var requirements = new List<Requirement>();
        foreach (var file in Directory.EnumerateFiles(featuresDirectory, FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            requirements.AddRange(LoadFile(file));
        }

        return new RequirementCatalog(requirements);
    }

    private static IEnumerable<Requirement> LoadFile(string file)
    {
        CatalogFile? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(file));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{file} is not a requirements catalog: {exception.Message}", exception);
        }

        if (catalog?.Protocol is not { Length: > 0 } protocol || catalog.Requirements is null)
        {
            throw new InvalidDataException($"{file} needs \"protocol\" and \"requirements\".");
        }

        foreach (var entry in catalog.Requirements)
        {
            if (entry.Id is null || !IdPattern().IsMatch(entry.Id) || entry.Role is not { Length: > 0 } || entry.Summary is not { Length: > 0 })
            {
                throw new InvalidDataException($"{file}: every requirement needs an id like \"LC-C04\", a role and a summary (at \"{entry.Id}\").");
            }

            var level = entry.Level switch
            {
                "MUST" => RequirementLevel.Must,
                "SHOULD" => RequirementLevel.Should,
                "MAY" => RequirementLevel.May,
                _ => throw new InvalidDataException($"{file}: {entry.Id} has level \"{entry.Level}\"; expected MUST, SHOULD or MAY."),
            };
            yield return new Requirement(entry.Id, level, entry.Role, entry.Summary, entry.Interpretation, protocol);
        }
    }

    [GeneratedRegex("^[A-Z]+-[A-Z]*[0-9]+$")]
    private static partial Regex IdPattern();

    private sealed record CatalogFile(
        [property: JsonPropertyName("protocol")] string? Protocol,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("requirements")] List<CatalogEntry>? Requirements);

    private sealed record CatalogEntry(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("level")] string? Level,
        [property: JsonPropertyName("role")] string? Role,
        [property: JsonPropertyName("summary")] string? Summary,
        [property: JsonPropertyName("interpretation")] bool Interpretation);
}

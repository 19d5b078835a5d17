using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Conformance.Engine.Requirements;

/// <summary>
/// The requirements the suite checks, read from each protocol's <c>features/&lt;protocol&gt;/requirements.json</c>,
/// so that a requirement, its level and its scenarios sit side by side.
/// </summary>
internal sealed partial class RequirementCatalog
{
    /// <summary>The catalog's file name in each protocol folder.</summary>
    public const string FileName = "requirements.json";

    private readonly Dictionary<string, Requirement> _byId;

    /// <summary>Creates a catalog from entries; IDs must be unique.</summary>
    public RequirementCatalog(IEnumerable<Requirement> requirements, IEnumerable<Reading>? readings = null)
    {
        Requirements = requirements.ToList();
        Readings = readings?.ToList() ?? [];
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

    /// <summary>The readings the suite makes beyond single requirements: lost tables, strictness, conventions.</summary>
    public IReadOnlyList<Reading> Readings { get; }

    /// <summary>Each protocol's title, as its catalog gives it ("title"), by protocol folder.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The interpretation reading whose Examples block is named <paramref name="examplesName"/>, if any (a scenario built on table T1).</summary>
    public Reading? ReadingOfExamples(string? examplesName) =>
        examplesName is null ? null : Readings.FirstOrDefault(reading => string.Equals(reading.ExamplesName, examplesName, StringComparison.Ordinal));

    /// <summary>The requirement with <paramref name="id"/>, or null.</summary>
    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads every <see cref="FileName"/> under <paramref name="featuresDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A catalog file is malformed; the message names the file and the entry.</exception>
    public static RequirementCatalog Load(string featuresDirectory)
    {
        var requirements = new List<Requirement>();
        var readings = new List<Reading>();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(featuresDirectory, FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var (fileRequirements, fileReadings) = LoadFile(file);
            requirements.AddRange(WithMistakes(fileRequirements, KnownMistakes.Beside(file, fileRequirements.Select(requirement => requirement.Id).ToHashSet())));
            readings.AddRange(fileReadings);
            if (fileRequirements.Count > 0 && TitleOf(file) is { } title)
            {
                titles[fileRequirements[0].Protocol] = title;
            }
        }

        var catalog = new RequirementCatalog(requirements, readings) { Titles = titles };
        foreach (var reading in readings)
        {
            if (reading.Requirements.FirstOrDefault(id => catalog.Find(id) is null) is { } unknown)
            {
                throw new InvalidDataException($"The reading \"{reading.Name}\" names {unknown}, which no catalog lists.");
            }
        }

        return catalog;
    }

    private static IEnumerable<Requirement> WithMistakes(IEnumerable<Requirement> requirements, IReadOnlyList<KnownMistake> mistakes) =>
        requirements.Select(requirement => mistakes.Where(mistake => mistake.Requirement == requirement.Id).ToList() is { Count: > 0 } known
            ? requirement with { Mistakes = known }
            : requirement);

    private static string? TitleOf(string file) =>
        JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(file))?.Title is { Length: > 0 } title ? title : null;

    private static (List<Requirement> Requirements, List<Reading> Readings) LoadFile(string file)
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

        var requirements = new List<Requirement>();
        foreach (var entry in catalog.Requirements)
        {
            var roles = entry.Roles ?? (entry.Role is { Length: > 0 } role ? [role] : []);
            if (entry.Id is null || !IdPattern().IsMatch(entry.Id) || roles.Count == 0 || roles.Any(name => name is not { Length: > 0 })
                || (entry.Role is not null && entry.Roles is not null) || entry.Summary is not { Length: > 0 })
            {
                throw new InvalidDataException(
                    $"{file}: every requirement needs an id like \"LC-C04\", a \"role\" or a list of \"roles\" (not both), and a summary (at \"{entry.Id}\").");
            }

            var origin = Origin(file, entry.Id, entry.Origin, entry.Note, required: true);

            var level = entry.Level switch
            {
                "MUST" => RequirementLevel.Must,
                "SHOULD" => RequirementLevel.Should,
                "MAY" => RequirementLevel.May,
                _ => throw new InvalidDataException($"{file}: {entry.Id} has level \"{entry.Level}\"; expected MUST, SHOULD or MAY."),
            };
            requirements.Add(new Requirement(entry.Id, level, roles[0], entry.Summary, origin, protocol, entry.Note) { Roles = roles });
        }

        var readings = new List<Reading>();
        foreach (var entry in catalog.Readings ?? [])
        {
            if (entry.Name is not { Length: > 0 } name || entry.Requirements is not { Count: > 0 })
            {
                throw new InvalidDataException($"{file}: every reading needs a name and the requirements it bears on (at \"{entry.Name}\").");
            }

            var origin = Origin(file, name, entry.Origin, entry.Note, required: true);
            if (origin == RequirementOrigin.Source)
            {
                throw new InvalidDataException($"{file}: the reading \"{name}\" must be an interpretation or a policy.");
            }

            readings.Add(new Reading(name, origin, entry.Requirements, entry.Note!, protocol, entry.Examples, entry.Vectors ?? []));
        }

        return (requirements, readings);
    }

    private static RequirementOrigin Origin(string file, string? what, string? origin, string? note, bool required)
    {
        var parsed = origin switch
        {
            "source" => RequirementOrigin.Source,
            "interpretation" => RequirementOrigin.Interpretation,
            "policy" => RequirementOrigin.Policy,
            null when !required => RequirementOrigin.Source,
            _ => throw new InvalidDataException($"{file}: {what} has origin \"{origin}\"; expected source, interpretation or policy."),
        };
        if (parsed != RequirementOrigin.Source && note is not { Length: > 0 })
        {
            throw new InvalidDataException($"{file}: {what} is {origin} and needs a \"note\": what the source says, what the suite reads or adds, and why.");
        }

        return parsed;
    }

    [GeneratedRegex("^[A-Z]+-[A-Z]*[0-9]+$")]
    private static partial Regex IdPattern();

    private sealed record CatalogFile(
        [property: JsonPropertyName("protocol")] string? Protocol,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("requirements")] List<CatalogEntry>? Requirements,
        [property: JsonPropertyName("readings")] List<ReadingEntry>? Readings);

    private sealed record ReadingEntry(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("origin")] string? Origin,
        [property: JsonPropertyName("requirements")] List<string>? Requirements,
        [property: JsonPropertyName("note")] string? Note,
        [property: JsonPropertyName("examples")] string? Examples,
        [property: JsonPropertyName("vectors")] List<string>? Vectors);

    private sealed record CatalogEntry(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("level")] string? Level,
        [property: JsonPropertyName("role")] string? Role,
        [property: JsonPropertyName("roles")] List<string>? Roles,
        [property: JsonPropertyName("summary")] string? Summary,
        [property: JsonPropertyName("origin")] string? Origin,
        [property: JsonPropertyName("note")] string? Note);
}

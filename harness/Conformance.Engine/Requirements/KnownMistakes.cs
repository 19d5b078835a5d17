using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Engine.Requirements;

/// <summary>
/// Reads <c>mistakes.json</c> beside a protocol's catalog: the mistakes implementers are known to make, by
/// requirement. The file is optional; a catalog without it simply knows no mistakes.
/// </summary>
internal static class KnownMistakes
{
    /// <summary>The file's name, beside <see cref="RequirementCatalog.FileName"/>.</summary>
    public const string FileName = "mistakes.json";

    /// <summary>The mistakes listed beside <paramref name="catalogFile"/>, each naming one of <paramref name="ids"/>.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or names a requirement its catalog does not list.</exception>
    public static IReadOnlyList<KnownMistake> Beside(string catalogFile, IReadOnlySet<string> ids)
    {
        var file = Path.Combine(Path.GetDirectoryName(catalogFile)!, FileName);
        if (!File.Exists(file))
        {
            return [];
        }

        MistakesFile? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<MistakesFile>(File.ReadAllText(file));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{file} is not a list of known mistakes: {exception.Message}", exception);
        }

        var mistakes = new List<KnownMistake>();
        foreach (var entry in parsed?.Mistakes ?? throw new InvalidDataException($"{file} needs \"mistakes\"."))
        {
            if (entry.Requirement is not { Length: > 0 } id || entry.Mistake is not { Length: > 0 } mistake || entry.Fix is not { Length: > 0 } fix)
            {
                throw new InvalidDataException($"{file}: every mistake needs \"requirement\", \"mistake\" and \"fix\" (at \"{entry.Requirement}\").");
            }

            if (!ids.Contains(id))
            {
                throw new InvalidDataException($"{file}: {id} is not a requirement of {RequirementCatalog.FileName} beside it.");
            }

            mistakes.Add(new KnownMistake(id, mistake, fix, entry.Example is { Length: > 0 } example ? example : null));
        }

        return mistakes;
    }

    private sealed record MistakesFile([property: JsonPropertyName("mistakes")] List<MistakeEntry>? Mistakes);

    private sealed record MistakeEntry(
        [property: JsonPropertyName("requirement")] string? Requirement,
        [property: JsonPropertyName("mistake")] string? Mistake,
        [property: JsonPropertyName("fix")] string? Fix,
        [property: JsonPropertyName("example")] string? Example);
}

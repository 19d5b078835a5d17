using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Reports;
using Conformance.Engine.Validation;

namespace Conformance.Engine.Documentation.Sources;

/// <summary>
/// The run the site reports on, read back from its <c>results.json</c> (checked against the project's own
/// schema first): the verdict, each requirement's outcome, and each scenario's outcome and violations.
/// </summary>
internal sealed class LastRun
{
    private readonly Dictionary<(string Feature, string Name), RunScenario> _scenarios;

    private LastRun(string directory, JsonObject results)
    {
        Directory = directory;
        Outcome = results["outcome"]?.GetValue<string>() ?? "";
        Verdict = results["verdict"]?.GetValue<string>() ?? Outcome;
        Role = results["target"]?["role"]?.GetValue<string>() ?? "";
        Command = results["target"]?["command"] is JsonArray command ? command.Select(part => part?.GetValue<string>() ?? "").ToList() : null;
        Summary = results["summary"] is JsonObject summary
            ? summary.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.GetValue<int>() ?? 0)).ToList()
            : [];
        Requirements = (results["requirements"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(entry => entry["id"]!.GetValue<string>(), entry => entry["outcome"]!.GetValue<string>(), StringComparer.Ordinal);
        Scenarios = (results["scenarios"] as JsonArray ?? []).OfType<JsonObject>().Select(RunScenario.From).ToList();
        _scenarios = [];
        foreach (var scenario in Scenarios)
        {
            _scenarios.TryAdd((scenario.Feature, scenario.Name), scenario);
        }
    }

    /// <summary>The report folder it was read from.</summary>
    public string Directory { get; }

    /// <summary>"conformant" or "not-conformant".</summary>
    public string Outcome { get; }

    /// <summary>The verdict line.</summary>
    public string Verdict { get; }

    /// <summary>The role certified, or "reference" for the self-check.</summary>
    public string Role { get; }

    /// <summary>The command certified; null for the self-check.</summary>
    public IReadOnlyList<string>? Command { get; }

    /// <summary>Scenarios by outcome, in the file's order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Summary { get; }

    /// <summary>Each requirement's outcome by ID.</summary>
    public IReadOnlyDictionary<string, string> Requirements { get; }

    /// <summary>Every scenario of the run.</summary>
    public IReadOnlyList<RunScenario> Scenarios { get; }

    /// <summary>The run's result for <paramref name="scenario"/>, or null when it was not in the run.</summary>
    public RunScenario? Of(CompiledScenario scenario) => _scenarios.GetValueOrDefault((scenario.FeaturePath, scenario.Name));

    /// <summary>Reads <c>results.json</c> from <paramref name="path"/> (the report folder, or the file itself).</summary>
    /// <exception cref="FileNotFoundException">There is no results.json.</exception>
    /// <exception cref="InvalidDataException">It is not JSON, or not a results.json.</exception>
    public static LastRun Load(string path, SchemaSet schemas)
    {
        var file = System.IO.Directory.Exists(path) ? Path.Combine(path, "results.json") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException(System.IO.Directory.Exists(path)
                ? $"{path} holds no results.json; give the report folder of a run (conformance run --report DIR)."
                : $"{path} does not exist; give the report folder of a run (conformance run --report DIR).", file);
        }

        var text = File.ReadAllText(file);
        if (schemas.Names.Contains(ReportWriter.ResultsSchema) && schemas.Get(ReportWriter.ResultsSchema).Validate(text) is { Count: > 0 } issues)
        {
            throw new InvalidDataException($"{file} is not a conformance results.json: {string.Join("; ", issues.Take(3))}");
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject results
                ? new LastRun(Path.GetDirectoryName(Path.GetFullPath(file))!, results)
                : throw new InvalidDataException($"{file} is not a conformance results.json: not a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{file} is not a conformance results.json: {exception.Message}", exception);
        }
    }
}

/// <summary>One scenario as the run's results.json gives it.</summary>
internal sealed record RunScenario(string Feature, string Name, string Outcome, string? Reason, IReadOnlyList<string> Requirements, IReadOnlyList<RunViolation> Violations)
{
    public static RunScenario From(JsonObject entry) => new(
        entry["feature"]?.GetValue<string>() ?? "",
        entry["name"]?.GetValue<string>() ?? "",
        entry["outcome"]?.GetValue<string>() ?? "",
        entry["reason"]?.GetValue<string>(),
        (entry["requirements"] as JsonArray ?? []).Select(id => id?.GetValue<string>() ?? "").ToList(),
        (entry["violations"] as JsonArray ?? []).OfType<JsonObject>().Select(violation => new RunViolation(
            violation["requirement"]?.GetValue<string>() ?? "",
            violation["expected"]?.GetValue<string>() ?? "",
            violation["actual"]?.GetValue<string>() ?? "")).ToList());
}

/// <summary>One violation as results.json gives it.</summary>
internal sealed record RunViolation(string Requirement, string Expected, string Actual);

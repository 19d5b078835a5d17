using Gherkin;

namespace Conformance.Engine.Gherkin;

/// <summary>Reads every <c>*.feature</c> file under a folder at run time, so scenarios can be added without recompiling.</summary>
public static class FeatureLoader
{
    /// <summary>Parses the features under <paramref name="featuresDirectory"/>; paths are reported relative to <paramref name="projectRoot"/>.</summary>
    /// <exception cref="FeatureParseException">A file does not parse; the message names it and the line.</exception>
    public static IReadOnlyList<CompiledScenario> Load(string featuresDirectory, string projectRoot)
    {
        if (!Directory.Exists(featuresDirectory))
        {
            throw new DirectoryNotFoundException($"No features folder at {featuresDirectory}.");
        }

        var scenarios = new List<CompiledScenario>();
        foreach (var file in Directory.EnumerateFiles(featuresDirectory, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(projectRoot, file).Replace('\\', '/');
            scenarios.AddRange(LoadFile(file, relative));
        }

        return scenarios;
    }

    /// <summary>Parses one feature file.</summary>
    public static IReadOnlyList<CompiledScenario> LoadFile(string file, string reportedPath)
    {
        try
        {
            using var reader = new StreamReader(file);
            var document = new Parser().Parse(reader);
            return ScenarioCompiler.Compile(document, reportedPath);
        }
        catch (CompositeParserException exception)
        {
            throw new FeatureParseException(reportedPath, string.Join("; ", exception.Errors.Select(error => error.Message)), exception);
        }
        catch (ParserException exception)
        {
            throw new FeatureParseException(reportedPath, exception.Message, exception);
        }
    }
}

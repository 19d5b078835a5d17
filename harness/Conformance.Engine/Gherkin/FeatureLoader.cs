using Gherkin;
using Gherkin.CucumberMessages;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Gherkin;

/// <summary>
/// Reads every <c>*.feature</c> file under a folder at run time, with the official Cucumber parser, so
/// scenarios can be added without recompiling; keeps each file's text and Gherkin document for Cucumber's
/// own message stream.
/// </summary>
internal static class FeatureLoader
{
    /// <summary>Parses the features under <paramref name="featuresDirectory"/> into runnable scenarios; paths are relative to <paramref name="projectRoot"/>.</summary>
    /// <exception cref="FeatureParseException">A file does not parse; the message names it and the line.</exception>
    public static IReadOnlyList<CompiledScenario> Load(string featuresDirectory, string projectRoot) =>
        LoadFeatures(featuresDirectory, projectRoot).SelectMany(feature => feature.Scenarios).ToList();

    /// <summary>Parses the features under <paramref name="featuresDirectory"/>, each with its text, document and scenarios.</summary>
    /// <exception cref="FeatureParseException">A file does not parse; the message names it and the line.</exception>
    public static IReadOnlyList<LoadedFeature> LoadFeatures(string featuresDirectory, string projectRoot)
    {
        if (!Directory.Exists(featuresDirectory))
        {
            throw new DirectoryNotFoundException($"No features folder at {featuresDirectory}.");
        }

        // One id sequence for the whole load: ids stay unique across files in the message stream, and stable from run to run.
        var ids = new IncrementingIdGenerator();
        return Directory.EnumerateFiles(featuresDirectory, "*.feature", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => LoadFile(file, Path.GetRelativePath(projectRoot, file).Replace('\\', '/'), ids))
            .ToList();
    }

    /// <summary>Parses one feature file.</summary>
    /// <exception cref="FeatureParseException">It does not parse; the message names it and the line.</exception>
    public static LoadedFeature LoadFile(string file, string reportedPath, IIdGenerator? ids = null)
    {
        ids ??= new IncrementingIdGenerator();
        var source = File.ReadAllText(file);
        try
        {
            var ast = new Parser().Parse(new StringReader(source));
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, reportedPath);
            return new LoadedFeature(reportedPath, source, document, PickleScenarios.Compile(document, ids));
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

/// <summary>One feature file as loaded: its path, its text, its Gherkin document and its scenarios (pickles).</summary>
/// <param name="Path">Relative to the project root, with forward slashes.</param>
/// <param name="Source">The file's text, as Cucumber's source message carries it.</param>
/// <param name="Document">The parsed document, as Cucumber's gherkinDocument message carries it.</param>
/// <param name="Scenarios">One per pickle.</param>
internal sealed record LoadedFeature(string Path, string Source, Messages.GherkinDocument Document, IReadOnlyList<CompiledScenario> Scenarios);

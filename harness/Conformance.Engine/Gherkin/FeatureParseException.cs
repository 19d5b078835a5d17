namespace Conformance.Engine.Gherkin;

/// <summary>A feature file that does not parse.</summary>
internal sealed class FeatureParseException(string path, string detail, Exception inner)
    : Exception($"{path} does not parse: {detail}", inner)
{
    /// <summary>The file, relative to the project root.</summary>
    public string Path { get; } = path;
}

using System.Text;
using System.Text.Json;
using Conformance.Engine.Running;
using Conformance.Engine.Validation;

namespace Conformance.Engine.Reports;

/// <summary>
/// Writes a run's report folder: <c>results.json</c> (checked against the project's own schema before it is
/// written) and <c>transcripts/</c> always, and, as asked, <c>junit.xml</c>, <c>report.html</c> and
/// <c>messages.ndjson</c> (the run as Cucumber messages). Every text was masked before it got here.
/// </summary>
internal sealed class ReportWriter(SchemaSet schemas)
{
    /// <summary>The schema results.json must satisfy.</summary>
    public const string ResultsSchema = "conformance/results";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report of <paramref name="run"/> into <paramref name="directory"/>; returns the path of results.json.</summary>
    /// <exception cref="InvalidDataException">The results do not satisfy their own schema (a bug in the tool; the message says where).</exception>
    public string Write(RunResult run, RunTarget target, string directory, IReadOnlyList<Gherkin.LoadedFeature>? features = null, ReportFormats formats = ReportFormats.All)
    {
        ArgumentNullException.ThrowIfNull(run);
        var results = ResultsDocument.Build(run, target);
        var text = results.ToJsonString(Indented);
        var issues = schemas.Get(ResultsSchema).Validate(text);
        if (issues.Count > 0)
        {
            throw new InvalidDataException($"results.json does not satisfy {ResultsSchema}: {string.Join("; ", issues)}");
        }

        Directory.CreateDirectory(directory);
        var transcripts = Path.Combine(directory, "transcripts");
        if (Directory.Exists(transcripts))
        {
            Directory.Delete(transcripts, recursive: true);
        }

        foreach (var result in run.Scenarios.Where(result => result.Transcript is not null))
        {
            var path = Path.Combine(directory, TranscriptPaths.Of(result.Scenario));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, result.Transcript!.ToJsonString(Indented) + "\n", Utf8);
        }

        var resultsPath = Path.Combine(directory, "results.json");
        File.WriteAllText(resultsPath, text + "\n", Utf8);
        if (formats.HasFlag(ReportFormats.Html))
        {
            File.WriteAllText(Path.Combine(directory, "report.html"), HtmlReport.Build(run, target), Utf8);
        }

        if (formats.HasFlag(ReportFormats.JUnit))
        {
            using var writer = System.Xml.XmlWriter.Create(Path.Combine(directory, "junit.xml"), new System.Xml.XmlWriterSettings { Encoding = Utf8, Indent = true });
            JUnitReport.Build(run).Save(writer);
        }

        if (formats.HasFlag(ReportFormats.Messages) && features is not null)
        {
            MessagesNdjson.Write(Path.Combine(directory, "messages.ndjson"), CucumberMessages.Of(run, features));
        }

        return resultsPath;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}

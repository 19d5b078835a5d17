using System.CommandLine;
using Conformance.Engine.Documentation;
using Conformance.Engine.Gherkin;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance docs</c>: the living documentation, an offline HTML site generated from the features, the
/// catalogs, the schemas and the approved transcripts, with a run's outcomes when <c>--results</c> names its report.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(TextWriter output)
    {
        var results = new Option<string?>("--results") { Description = "A run's report folder (holding results.json): the pages show its outcomes and violations." };
        var outDirectory = new Option<string?>("--out") { Description = "Folder for the site: new, empty, or a site written before (it is replaced).", Required = true };
        var snapshots = new Option<string?>("--snapshots") { Description = $"Folder of approved transcripts to draw as sequence diagrams (default: {DocsSources.DefaultSnapshots})." };
        var root = new Option<string?>("--root") { Description = "Folder holding features/ and schemas/ (found upward from here by default)." };
        var command = new Command("docs", "Generate the living documentation: an offline HTML site of every protocol's requirements, features, schemas, interpretations and sequence diagrams.")
        {
            results, outDirectory, snapshots, root,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var layout = CommonOptions.Layout(parse.GetValue(root));
            var target = Path.GetFullPath(parse.GetValue(outDirectory)!);
            Preflight.SiteDirectory(target);

            var resultsPath = parse.GetValue(results) is { } given ? Path.GetFullPath(given) : null;
            if (resultsPath is not null && !Directory.Exists(resultsPath) && !File.Exists(resultsPath))
            {
                throw new UsageException($"--results {resultsPath} does not exist; give the report folder of a run (conformance run --report DIR).");
            }

            var snapshotsPath = parse.GetValue(snapshots) is { } folder ? Path.GetFullPath(folder) : null;
            if (snapshotsPath is not null && !Directory.Exists(snapshotsPath))
            {
                throw new UsageException($"--snapshots {snapshotsPath} is not a folder; give the folder of approved transcripts.");
            }

            DocsSources sources;
            try
            {
                sources = await DocsSources.LoadAsync(layout, resultsPath, snapshotsPath);
            }
            catch (Exception exception) when (exception is FeatureParseException or InvalidDataException or FileNotFoundException)
            {
                throw new UsageException(exception.Message);
            }

            cancellation.ThrowIfCancellationRequested();
            DocsSummary summary;
            try
            {
                summary = DocsSite.Write(sources, target);
            }
            catch (InvalidDataException exception)
            {
                // An approved transcript is read when its diagram is drawn; a malformed one is named.
                throw new UsageException(exception.Message);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--out {target} cannot be written: {exception.Message}");
            }

            await output.WriteLineAsync($"Wrote the living documentation to {target}: {summary.Pages} pages — {summary.Protocols} protocol "
                + $"{(summary.Protocols == 1 ? "page" : "pages")}, {summary.Requirements} requirements, {summary.Features} features, {summary.Schemas} schema pages, "
                + $"{summary.Diagrams} sequence diagrams, the interpretation register and search{(summary.WithResults ? $", with the outcomes of {resultsPath}" : "")}.");
            await output.WriteLineAsync($"Open {Path.Combine(target, "index.html")} in a browser; it needs no server and no network.");
            return ExitCodes.Conformant;
        });
        return command;
    }
}

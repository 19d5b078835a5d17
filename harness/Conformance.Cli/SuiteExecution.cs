using Conformance.Cli.Commands;
using Conformance.Cli.Output;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Modules;
using Conformance.Engine.Reports;
using Conformance.Engine.Running;
using Conformance.Engine.Snapshots;
using Conformance.Engine.Validation;

namespace Conformance.Cli;

/// <summary>One run from start to verdict: load, select, run with a live display, write the report, summarise.</summary>
internal static class SuiteExecution
{
    public static async Task<int> RunAsync(
        RunSettings settings, RunTarget target, string? role, CertificationTarget? certification, TextWriter output, CancellationToken cancellationToken, SchemaSet? schemas = null)
    {
        IReadOnlyList<LoadedFeature> features;
        IReadOnlyList<CompiledScenario> scenarios;
        RunContext context;
        try
        {
            // Parsing the features and loading the catalog and schemas are independent: on two cores the start of a
            // certification is the slower of them, not their sum.
            var parsing = Task.Run(() => FeatureLoader.LoadFeatures(settings.Layout.Features, settings.Layout.Root), cancellationToken);
            var snapshots = settings.SnapshotsDirectory is null ? null : new SnapshotStore(settings.SnapshotsDirectory, settings.Accept);
            var creating = RunContextFactory.CreateAsync(settings.Layout, new RunOptions(snapshots, settings.Isolated, new Judging(settings.Strict, settings.SourceOnly), schemas), certification);
            await Task.WhenAll(parsing, creating);
            features = await parsing;
            scenarios = features.SelectMany(feature => feature.Scenarios).ToList();
            context = await creating;
        }
        catch (Exception exception) when (exception is FeatureParseException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException(exception.Message);
        }

        var plan = RunPlan.Select(scenarios, context.Catalog, role, settings.Tags);
        if (plan.Scenarios.Count == 0)
        {
            throw new UsageException($"No scenario matches{(role is null ? "" : $" role {role} and")} --tags \"{settings.Tags.Text}\". Run 'conformance list' to see what there is.");
        }

        await output.WriteLineAsync($"conformance {ToolVersion.Version}: {plan.Scenarios.Count} scenarios, {plan.Requirements.Count} requirements, against {Describe(target)}");
        var display = RunDisplay.For(output, plan.Scenarios.Count);
        var result = await display.RunAsync(progress =>
            new ConformanceRun(context).ExecuteAsync(plan.Scenarios, plan.Requirements, settings.Parallel, progress, cancellationToken));

        var resultsPath = new ReportWriter(context.Service<SchemaSet>()).Write(result, target, settings.ReportDirectory, features, settings.Formats);
        await SummaryTable.WriteAsync(output, result);
        await output.WriteLineAsync($"Report: {resultsPath}");
        return !result.Conformant ? ExitCodes.NotConformant
            : result.SnapshotRegressions.Count > 0 ? ExitCodes.ConformantButChanged
            : ExitCodes.Conformant;
    }

    private static string Describe(RunTarget target) =>
        target.Command is null ? "the reference implementations" : $"{target.Role} {string.Join(' ', target.Command)}";
}

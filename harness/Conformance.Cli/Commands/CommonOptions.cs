using System.CommandLine;
using Conformance.Engine;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Reports;

namespace Conformance.Cli.Commands;

/// <summary>The options every running verb shares, with the defaults the README's command-line contract gives.</summary>
internal sealed class CommonOptions
{
    public Option<string> Report { get; } = new("--report") { Description = "Folder for results.json, junit.xml and transcripts/.", DefaultValueFactory = _ => "conformance-report" };

    public Option<string?> Tags { get; } = new("--tags") { Description = "Cucumber tag expression selecting scenarios, e.g. \"@req:LC-C09 or @smoke and not @windows\"." };

    public Option<bool> Strict { get; } = new("--strict") { Description = "SHOULD violations fail: the run is not conformant when a SHOULD is missed." };

    public Option<bool> SourceOnly { get; } = new("--source-only") { Description = "The verdict against the published sources alone: violations of policy requirements (rules the suite adds beyond the sources) count as information." };

    public Option<string?> Snapshots { get; } = new("--snapshots") { Description = "Folder of approved transcripts to compare each scenario with." };

    public Option<bool> Accept { get; } = new("--accept") { Description = "Approve the transcripts of this run into --snapshots." };

    /// <summary>Scenarios mostly wait on the executable under test, so more run at once than there are cores.</summary>
    public static int DefaultParallelism { get; } = Math.Max(8, 4 * Environment.ProcessorCount);

    public Option<int> Parallel { get; } = new("--parallel") { Description = $"Scenarios at work at once (default {DefaultParallelism}: they mostly wait, so more than the cores).", DefaultValueFactory = _ => DefaultParallelism };

    public Option<bool> Isolated { get; } = new("--isolated") { Description = "A fresh run of the executable under test for every scenario, instead of one run per situation shared by the scenarios that judge it." };

    public Option<string?> Format { get; } = new("--format") { Description = "Reports to write beside results.json and transcripts/, comma-separated: junit, html, messages (Cucumber's message stream), all (the default) or none." };

    public Option<string?> Root { get; } = new("--root") { Description = "Folder holding features/ and schemas/ (found upward from here by default)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Report, Format, Tags, Strict, SourceOnly, Snapshots, Accept, Parallel, Isolated, Root })
        {
            command.Options.Add(option);
        }
    }

    public RunSettings Read(ParseResult parse)
    {
        var parallel = parse.GetValue(Parallel);
        if (parallel < 1)
        {
            throw new UsageException($"--parallel must be at least 1 (got {parallel}).");
        }

        var snapshots = parse.GetValue(Snapshots);
        var accept = parse.GetValue(Accept);
        if (accept && snapshots is null)
        {
            throw new UsageException("--accept approves transcripts into --snapshots DIR; give --snapshots too.");
        }

        var report = Path.GetFullPath(parse.GetValue(Report)!);
        Preflight.ReportDirectory(report);
        if (snapshots is not null)
        {
            Preflight.SnapshotDirectory(Path.GetFullPath(snapshots), accept);
        }

        return new RunSettings(
            Layout(parse.GetValue(Root)),
            report,
            ParseTags(parse.GetValue(Tags)),
            parse.GetValue(Strict),
            parse.GetValue(SourceOnly),
            snapshots is null ? null : Path.GetFullPath(snapshots),
            accept,
            parallel,
            parse.GetValue(Isolated),
            ParseFormats(parse.GetValue(Format)));
    }

    public static ProjectLayout Layout(string? root)
    {
        try
        {
            return ProjectLayout.Locate(root);
        }
        catch (DirectoryNotFoundException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    public static ReportFormats ParseFormats(string? text)
    {
        if (text is null)
        {
            return ReportFormats.All;
        }

        var formats = ReportFormats.None;
        foreach (var word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= word.ToLowerInvariant() switch
            {
                "junit" => ReportFormats.JUnit,
                "html" => ReportFormats.Html,
                "messages" => ReportFormats.Messages,
                "all" => ReportFormats.All,
                "none" => ReportFormats.None,
                _ => throw new UsageException($"--format {word} is not a report; choose from junit, html, messages, all, none (results.json and transcripts/ are always written)."),
            };
        }

        return formats;
    }

    public static TagExpression ParseTags(string? text)
    {
        try
        {
            return TagExpression.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new UsageException($"--tags \"{text}\": {exception.Message}");
        }
    }
}

/// <summary>The settings of one run, read from the command line.</summary>
internal sealed record RunSettings(ProjectLayout Layout, string ReportDirectory, TagExpression Tags, bool Strict, bool SourceOnly, string? SnapshotsDirectory, bool Accept, int Parallel, bool Isolated, ReportFormats Formats);

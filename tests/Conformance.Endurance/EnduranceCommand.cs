using System.CommandLine;
using Conformance.Endurance.Output;
using Conformance.Engine;

namespace Conformance.Endurance;

/// <summary>The command line of the check: its options, the run, the summary and the exit code.</summary>
internal static class EnduranceCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = new Option<int>("--sessions") { Description = "Reference Launcher sessions against the reference connector.", DefaultValueFactory = _ => 1000 };
        var scenarios = new Option<int>("--scenarios") { Description = "Certification scenarios against the fixture (whole certifications of 24 are run until this many have).", DefaultValueFactory = _ => 1000 };
        var parallel = new Option<int>("--parallel") { Description = "Reference sessions at work at once.", DefaultValueFactory = _ => 4 };
        var fixture = new Option<string>("--fixture") { Description = "The conformant fixture to certify: python or node.", DefaultValueFactory = _ => "python" };
        fixture.AcceptOnlyFromAmong("python", "node");
        var json = new Option<string?>("--json") { Description = "Also write the figures to this file as JSON." };
        var root = new RootCommand("Endurance check: runs thousands of real reference sessions and certification scenarios in one process and reports whether file descriptors, processes, sockets, threads, timers or the managed heap grow.")
        {
            sessions, scenarios, parallel, fixture, json,
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            return ExitCodes.UsageError;
        }

        root.SetAction(async (result, cancellation) =>
        {
            var options = new EnduranceOptions(
                result.GetValue(sessions),
                result.GetValue(scenarios),
                result.GetValue(parallel),
                result.GetValue(fixture) == "node" ? FixtureKind.Node : FixtureKind.Python,
                result.GetValue(json) is { } path ? Path.GetFullPath(path) : null);
            if (options.Sessions < 0 || options.Scenarios < 0 || options.Parallel < 1)
            {
                await Console.Error.WriteLineAsync("error: --sessions and --scenarios must be 0 or more, --parallel at least 1.");
                return ExitCodes.UsageError;
            }

            return await RunAsync(options, cancellation);
        });
        return await parse.InvokeAsync();
    }

    private static async Task<int> RunAsync(EnduranceOptions options, CancellationToken cancellation)
    {
        ProjectLayout layout;
        try
        {
            layout = ProjectLayout.Locate();
        }
        catch (DirectoryNotFoundException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.UsageError;
        }

        var result = await EnduranceRun.ExecuteAsync(options, layout, cancellation);
        await SummaryReport.WriteAsync(Console.Out, result);
        if (options.JsonPath is { } path)
        {
            await JsonFigures.WriteAsync(path, result);
            await Console.Out.WriteLineAsync($"Figures: {path}");
        }

        return result.Steady ? ExitCodes.Steady : ExitCodes.Grew;
    }
}

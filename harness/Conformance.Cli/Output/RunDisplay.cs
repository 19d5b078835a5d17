using Conformance.Engine.Gherkin;
using Conformance.Engine.Running;
using Spectre.Console;

namespace Conformance.Cli.Output;

/// <summary>Shows a run as it goes: a live progress bar on a terminal, one plain line per scenario otherwise.</summary>
internal abstract class RunDisplay : IRunProgress
{
    public static RunDisplay For(TextWriter output, int total) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
            ? new LiveRunDisplay(total)
            : new PlainRunDisplay(output, total);

    public abstract Task<RunResult> RunAsync(Func<IRunProgress, Task<RunResult>> run);

    public abstract void Started(CompiledScenario scenario);

    public abstract void Finished(ScenarioResult result);

    /// <summary>How many violations of one scenario are shown before "and N more".</summary>
    protected const int ViolationsShown = 5;

    protected static string Line(ScenarioResult result) =>
        $"{OutcomeNames.Of(result.Outcome),-13} {result.Scenario.DisplayName} ({result.Duration.TotalSeconds:0.0} s)";

    /// <summary>Why a scenario did not pass: its violations (the first few, then how many more), or its reason.</summary>
    protected static IEnumerable<string> Details(ScenarioResult result)
    {
        if (result.Violations.Count == 0)
        {
            if (result.Reason is { } reason)
            {
                yield return reason;
            }

            yield break;
        }

        foreach (var violation in result.Violations.Take(ViolationsShown))
        {
            yield return $"{violation.Requirement}: expected {violation.Expected}; actual {violation.Actual}";
        }

        if (result.Violations.Count > ViolationsShown)
        {
            yield return $"… and {result.Violations.Count - ViolationsShown} more (see the report)";
        }
    }
}

/// <summary>For logs and CI: a line per finished scenario, with the first violation of a failure.</summary>
internal sealed class PlainRunDisplay(TextWriter output, int total) : RunDisplay
{
    private readonly Lock _gate = new();
    private int _finished;

    public override Task<RunResult> RunAsync(Func<IRunProgress, Task<RunResult>> run) => run(this);

    public override void Started(CompiledScenario scenario)
    {
    }

    public override void Finished(ScenarioResult result)
    {
        lock (_gate)
        {
            _finished++;
            output.WriteLine($"[{_finished,4}/{total}] {Line(result)}");
            if (result.Outcome is ScenarioOutcome.Failed or ScenarioOutcome.NonStrict or ScenarioOutcome.Undefined or ScenarioOutcome.Skipped)
            {
                foreach (var detail in Details(result))
                {
                    output.WriteLine($"             {detail}");
                }
            }
        }
    }
}

/// <summary>For a terminal: a progress bar naming the scenarios still running.</summary>
internal sealed class LiveRunDisplay(int total) : RunDisplay
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _running = [];
    private ProgressTask? _task;

    public override async Task<RunResult> RunAsync(Func<IRunProgress, Task<RunResult>> run)
    {
        RunResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _task = context.AddTask("scenarios", maxValue: total);
                result = await run(this);
                _task.Description = "done";
            });
        return result!;
    }

    public override void Started(CompiledScenario scenario)
    {
        lock (_gate)
        {
            _running.Add(scenario.Name);
            Describe();
        }
    }

    public override void Finished(ScenarioResult result)
    {
        lock (_gate)
        {
            _running.Remove(result.Scenario.Name);
            if (result.Outcome is ScenarioOutcome.Failed or ScenarioOutcome.Undefined or ScenarioOutcome.NonStrict)
            {
                var colour = result.Outcome == ScenarioOutcome.NonStrict ? "yellow" : "red";
                AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(Line(result))}[/]");
                foreach (var detail in Details(result))
                {
                    AnsiConsole.MarkupLine($"[grey]    {Markup.Escape(detail)}[/]");
                }
            }

            _task?.Increment(1);
            Describe();
        }
    }

    private void Describe()
    {
        if (_task is not null)
        {
            var running = _running.FirstOrDefault();
            _task.Description = Markup.Escape(running is null ? "scenarios" : running.Length > 50 ? running[..50] + "…" : running);
        }
    }
}

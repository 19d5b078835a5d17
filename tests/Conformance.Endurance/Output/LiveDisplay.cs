using System.Globalization;
using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;
using Spectre.Console;

namespace Conformance.Endurance.Output;

/// <summary>For a terminal: a progress bar for the sessions and one for the scenarios, with measurements and failures above them.</summary>
internal sealed class LiveDisplay(int totalSessions, int totalScenarios) : EnduranceDisplay
{
    private readonly Lock _gate = new();
    private ProgressTask? _sessions;
    private ProgressTask? _scenarios;

    public override async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                _sessions = context.AddTask("reference sessions", maxValue: Math.Max(1, totalSessions));
                _scenarios = context.AddTask("certification scenarios", maxValue: Math.Max(1, totalScenarios));

                // A kind that is not run is done from the start.
                _sessions.Value = totalSessions == 0 ? 1 : 0;
                _scenarios.Value = totalScenarios == 0 ? 1 : 0;
                result = await work();
            });
        return result;
    }

    public override void Note(string text) => Line($"[grey]{Markup.Escape(text)}[/]");

    public override void Measured(string stage, ResourceFigures figures) => Line($"[blue]{Markup.Escape(Describe(stage, figures))}[/]");

    public override void SessionEnded(WorkTally sessions, string? failure)
    {
        lock (_gate)
        {
            if (failure is not null)
            {
                AnsiConsole.MarkupLine($"[red]session failed: {Markup.Escape(failure)}[/]");
            }

            _sessions!.Value = sessions.Completed;
            _sessions.Description = string.Create(CultureInfo.InvariantCulture, $"reference sessions {sessions.Completed}/{totalSessions}");
        }
    }

    public override void CertificationEnded(WorkTally certifications, int scenarios, TimeSpan took, string? failure)
    {
        lock (_gate)
        {
            if (failure is not null)
            {
                AnsiConsole.MarkupLine($"[red]certification {certifications.Completed} failed: {Markup.Escape(failure)}[/]");
            }

            _scenarios!.Value = Math.Min(certifications.Units, _scenarios.MaxValue);
            _scenarios.Description = string.Create(CultureInfo.InvariantCulture, $"certification scenarios {certifications.Units}/{totalScenarios} ({took.TotalSeconds:0.0} s each)");
        }
    }

    private void Line(string markup)
    {
        lock (_gate)
        {
            AnsiConsole.MarkupLine(markup);
        }
    }
}

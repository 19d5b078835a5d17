using System.Globalization;
using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;

namespace Conformance.Endurance.Output;

/// <summary>For logs and CI: a line per twentieth of the sessions, per certification, per measurement and per failure.</summary>
internal sealed class PlainDisplay(TextWriter output, int totalSessions, int totalScenarios) : EnduranceDisplay
{
    private readonly Lock _gate = new();
    private readonly int _sessionStep = Math.Max(1, totalSessions / 20);

    public override Task<T> RunAsync<T>(Func<Task<T>> work) => work();

    public override void Note(string text) => Write(text);

    public override void Measured(string stage, ResourceFigures figures) => Write(Describe(stage, figures));

    public override void SessionEnded(WorkTally sessions, string? failure)
    {
        var completed = sessions.Completed;
        if (failure is not null)
        {
            Write($"session failed: {failure}");
        }

        if (completed % _sessionStep == 0 || completed == totalSessions)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"[sessions  {completed,5}/{totalSessions}] {sessions.Failed} failed"));
        }
    }

    public override void CertificationEnded(WorkTally certifications, int scenarios, TimeSpan took, string? failure)
    {
        Write(string.Create(
            CultureInfo.InvariantCulture,
            $"[scenarios {certifications.Units,5}/{totalScenarios}] certification {certifications.Completed}: {scenarios} scenarios in {took.TotalSeconds:0.0} s{(failure is null ? "" : ", FAILED")}"));
        if (failure is not null)
        {
            Write(failure);
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}

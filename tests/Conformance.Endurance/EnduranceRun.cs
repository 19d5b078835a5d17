using System.Diagnostics;
using Conformance.Endurance.Measuring;
using Conformance.Endurance.Output;
using Conformance.Endurance.Workloads;
using Conformance.Engine;

namespace Conformance.Endurance;

/// <summary>
/// The check from start to end: measure; warm up with the first sessions and the first certification; measure;
/// run the rest of the sessions, K at once; measure; run certifications until the scenarios are reached; measure.
/// </summary>
internal static class EnduranceRun
{
    public static async Task<EnduranceResult> ExecuteAsync(EnduranceOptions options, ProjectLayout layout, CancellationToken cancellationToken)
    {
        using var temp = PrivateTempDirectory.Enter();
        var probe = new ResourceProbe(temp.Path);
        var fixture = FixtureCommand.For(options.Fixture, layout);
        var sessionRun = new ReferenceSessionRun();
        var certificationRun = new CertificationRun(layout, fixture);
        var sessions = new WorkTally();
        var certifications = new WorkTally();
        var wall = Stopwatch.StartNew();

        var display = EnduranceDisplay.For(options);
        return await display.RunAsync(async () =>
        {
            display.Note($"temp folder {temp.Path}; fixture {string.Join(' ', fixture)}");
            var before = await Settling.MeasureAsync(probe, null, cancellationToken);
            display.Measured("before", before);

            await RunSessionsAsync(options.WarmUpSessions, options.Parallel, sessionRun, sessions, display, cancellationToken);
            await RunCertificationsAsync(options.WarmUpScenarios, certificationRun, certifications, display, cancellationToken);
            display.Note(Settling.Explanation("after warm-up"));
            var warmedUp = await Settling.MeasureAsync(probe, before, cancellationToken);
            display.Measured("after warm-up", warmedUp);
            var (warmSessions, warmScenarios) = (sessions.Units, certifications.Units);

            await RunSessionsAsync(options.Sessions - sessions.Units, options.Parallel, sessionRun, sessions, display, cancellationToken);
            display.Note(Settling.Explanation("after the sessions"));
            var afterSessions = await Settling.MeasureAsync(probe, warmedUp, cancellationToken);
            display.Measured("after the sessions", afterSessions);

            await RunCertificationsAsync(options.Scenarios, certificationRun, certifications, display, cancellationToken);
            display.Note(Settling.Explanation("after"));
            // Against the warm-up, as the verdict is: tolerances must not add up from one phase to the next.
            var after = await Settling.MeasureAsync(probe, warmedUp, cancellationToken);
            display.Measured("after", after);

            return new EnduranceResult(
                options, fixture, before, warmedUp, afterSessions, after, sessions, certifications,
                sessions.Units - warmSessions, certifications.Units - warmScenarios, wall.Elapsed);
        });
    }

    private static async Task RunSessionsAsync(int count, int parallel, ReferenceSessionRun run, WorkTally tally, EnduranceDisplay display, CancellationToken cancellationToken)
    {
        var spent = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Math.Max(0, count)),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (_, token) =>
            {
                var failure = await run.RunAsync(token);
                tally.Record(1, failure);
                display.SessionEnded(tally, failure);
            });
        tally.AddTime(spent.Elapsed);
    }

    private static async Task RunCertificationsAsync(int scenarios, CertificationRun run, WorkTally tally, EnduranceDisplay display, CancellationToken cancellationToken)
    {
        var spent = Stopwatch.StartNew();
        while (tally.Units < scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.StartNew();
            var outcome = await run.RunAsync();
            tally.Record(outcome.Scenarios, outcome.Failure);
            display.CertificationEnded(tally, outcome.Scenarios, started.Elapsed, outcome.Failure);
            if (outcome.Scenarios == 0)
            {
                // Nothing ran (the command could not start the run): every next one would do the same.
                break;
            }
        }

        tally.AddTime(spent.Elapsed);
    }
}

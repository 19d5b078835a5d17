using System.Diagnostics;
using System.Reflection;
using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Running;

/// <summary>
/// Runs one scenario: binds every step before running any (a step with no binding, or two, makes the
/// scenario undefined and nothing runs, and so does a scenario with no Then step, which would judge
/// nothing), then checks the platform (a scenario for another platform is skipped, but only once bound),
/// runs the steps in order within the scenario's time limit — cancelling a step that overruns it and giving
/// it a moment to stop — cleans up whatever the steps started, and judges the outcome.
/// </summary>
internal sealed class ScenarioRunner(RunContext run)
{
    /// <summary>How long a step that overran the time limit is given to stop before its scenario is cleaned up anyway.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="scenario"/>; <paramref name="slot"/> is its share of a run's parallelism, when a run schedules it.</summary>
    public async Task<ScenarioResult> RunAsync(CompiledScenario scenario, RunSlot? slot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stopwatch = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        if (!scenario.Steps.Any(step => step.Kind == StepKind.Then))
        {
            var why = scenario.Steps.Count == 0 ? "the scenario has no steps" : "the scenario has no Then step";
            return Unrun(scenario, ScenarioOutcome.Undefined, $"{why}, so it judges nothing; add the Then steps that check its requirements", null);
        }

        var matches = scenario.Steps.Select(run.StepsFor(scenario).Match).ToList();
        if (matches.FirstOrDefault(match => !match.IsBound) is { } unbound)
        {
            return unbound.IsAmbiguous
                ? Unrun(scenario, ScenarioOutcome.Undefined, $"the step \"{unbound.Step.Text}\" matches {unbound.Candidates.Count} bindings: {string.Join(", ", unbound.Candidates.Select(binding => binding.MethodName))}", null)
                : Unrun(scenario, ScenarioOutcome.Undefined, $"the step \"{unbound.Step.Text}\" has no binding", SnippetGenerator.Suggest(unbound.Step));
        }

        // Bound before skipped: a scenario for the other platform is still checked for steps without a binding.
        if (PlatformSkipReason(scenario) is { } platform)
        {
            return Unrun(scenario, ScenarioOutcome.Skipped, platform, null);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(run.ScenarioTimeout);
        var context = new ScenarioContext(scenario, limit.Token) { Slot = slot };
        var execution = new StepExecution(context);
        var services = new ScenarioServices(run.Services);
        try
        {
            services.Register(context);
            foreach (var match in matches)
            {
                await execution.RunAsync(match, services, limit.Token, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                await services.DisposeAsync().ConfigureAwait(false);
            }
            catch (AggregateException exception)
            {
                context.ViolateScenarioRequirements("the scenario's processes and pipes end with it", $"cleaning up failed: {exception.InnerExceptions[0].Message}", hard: true);
            }
        }

        var mask = context.Mask;
        var transcript = (System.Text.Json.Nodes.JsonObject?)JsonMasking.Mask(context.Transcript.ToJson(scenario.DisplayName), mask);
        SnapshotComparison? snapshot = null;
        if (run.Snapshots is not null && execution.RanToEnd)
        {
            var scrubber = new TranscriptScrubber(mask, context.Transcript.ProcessIds, context.Transcript.PipeNames);
            // A changed or new transcript is a regression signal, not a violation: conformance stays as judged.
            snapshot = run.Snapshots.Compare(scenario, scrubber.Scrub(transcript!));
        }

        var violations = context.Violations.Select(violation => violation with
        {
            Expected = mask.Apply(violation.Expected),
            Actual = mask.Apply(violation.Actual),
        }).ToList();
        var (outcome, reason) = Judge(violations, execution);
        return new ScenarioResult
        {
            Scenario = scenario,
            Outcome = outcome,
            Reason = reason,
            MissingPrerequisite = outcome == ScenarioOutcome.Skipped && execution.SkipIsPrerequisite,
            Suggestion = execution.PendingSuggestion,
            Steps = execution.Results,
            Violations = violations,
            Notes = context.Notes.Select(mask.Apply).ToList(),
            Attachments = context.Attachments.ToDictionary(pair => pair.Key, pair => mask.Apply(pair.Value)),
            Duration = stopwatch.Elapsed,
            Transcript = transcript,
            Snapshot = snapshot,
            Recordings = context.Recordings,
            Started = started,
        };
    }

    private (ScenarioOutcome Outcome, string? Reason) Judge(IReadOnlyList<Violation> violations, StepExecution execution)
    {
        if (execution.SkipReason is { } skip && violations.Count == 0)
        {
            return (ScenarioOutcome.Skipped, skip);
        }

        if (execution.PendingSuggestion is not null)
        {
            return (ScenarioOutcome.Undefined, "a step's binding is pending");
        }

        var outcome = ScenarioOutcome.Passed;
        foreach (var violation in violations)
        {
            var level = violation.Hard ? ScenarioOutcome.Failed
                : run.Catalog.Find(violation.Requirement) is { } requirement ? run.Judging.ViolationOutcome(requirement)
                : ScenarioOutcome.Failed;
            if (OutcomeNames.Severity(level) > OutcomeNames.Severity(outcome))
            {
                outcome = level;
            }
        }

        var reason = outcome == ScenarioOutcome.Informational ? string.Join("; ", violations.Select(violation => violation.Actual)) : null;
        return (outcome, reason);
    }

    private static string? PlatformSkipReason(CompiledScenario scenario) => scenario switch
    {
        _ when scenario.HasTag(Tag.Windows) && !OperatingSystem.IsWindows() => "the scenario needs Windows",
        _ when scenario.HasTag(Tag.Unix) && OperatingSystem.IsWindows() => "the scenario needs a Unix platform",
        _ => null,
    };

    private static ScenarioResult Unrun(CompiledScenario scenario, ScenarioOutcome outcome, string reason, string? suggestion) => new()
    {
        Scenario = scenario,
        Outcome = outcome,
        Reason = reason,
        Suggestion = suggestion,
        Started = DateTimeOffset.UtcNow,
        Steps = scenario.Steps.Select(step => new StepResult(step.Keyword, step.Text, step.Line, outcome == ScenarioOutcome.Undefined ? StepStatus.Undefined : StepStatus.Skipped, null, TimeSpan.Zero) { Step = step }).ToList(),
    };

    /// <summary>The state of running one scenario's steps: results so far and why it stopped.</summary>
    private sealed class StepExecution(ScenarioContext context)
    {
        private readonly List<StepResult> _results = [];
        private bool _stopped;

        public IReadOnlyList<StepResult> Results => _results;

        public string? SkipReason { get; private set; }

        public bool SkipIsPrerequisite { get; private set; }

        public string? PendingSuggestion { get; private set; }

        public bool RanToEnd => !_stopped;

        public async Task RunAsync(StepMatch match, ScenarioServices services, CancellationToken limit, CancellationToken run)
        {
            var step = match.Step;
            if (_stopped)
            {
                _results.Add(new StepResult(step.Keyword, step.Text, step.Line, StepStatus.Skipped, null, TimeSpan.Zero) { Step = step, Binding = match.Binding });
                return;
            }

            var stopwatch = Stopwatch.StartNew();
            var violationsBefore = context.Violations.Count;
            var (status, message) = await InvokeAsync(match, services, limit, run).ConfigureAwait(false);
            var found = context.Violations.Skip(violationsBefore).ToList();
            if (status == StepStatus.Passed && found.Count > 0)
            {
                status = StepStatus.Failed;
                message = string.Join("; ", found.Select(violation => $"{violation.Requirement}: {violation.Actual}"));
            }

            var mask = context.Mask;
            _results.Add(new StepResult(step.Keyword, step.Text, step.Line, status, message is null ? null : mask.Apply(message), stopwatch.Elapsed)
            {
                Step = step,
                Binding = match.Binding,
                Violations = found.Select(violation => violation with { Expected = mask.Apply(violation.Expected), Actual = mask.Apply(violation.Actual) }).ToList(),
            });
        }

        private async Task<(StepStatus, string?)> InvokeAsync(StepMatch match, ScenarioServices services, CancellationToken limit, CancellationToken run)
        {
            try
            {
                var binding = match.Binding!;
                var target = services.Resolve(binding.Method.DeclaringType!);
                var result = binding.Method.Invoke(target, StepArgumentConverter.Convert(match));
                var task = result switch
                {
                    Task asynchronous => asynchronous,
                    ValueTask valueTask => valueTask.AsTask(),
                    _ => null,
                };
                if (task is not null)
                {
                    await AwaitStoppingAtTheLimitAsync(task, match, limit).ConfigureAwait(false);
                }

                return (StepStatus.Passed, null);
            }
            catch (Exception thrown)
            {
                return Classify(thrown is TargetInvocationException { InnerException: { } inner } ? inner : thrown, match, limit, run);
            }
        }

        /// <summary>
        /// Awaits the step; when the limit passes first, the step's own waits are cancelled (they observe the
        /// scenario's cancellation) and it gets <see cref="StopGrace"/> to stop before the scenario is cleaned up.
        /// </summary>
        private async Task AwaitStoppingAtTheLimitAsync(Task task, StepMatch match, CancellationToken limit)
        {
            try
            {
                await task.WaitAsync(limit).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !task.IsCompleted)
            {
                try
                {
                    await task.WaitAsync(StopGrace, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // How the step ended after the limit does not matter: the limit is what is reported.
                }

                if (!task.IsCompleted)
                {
                    context.Note($"the step \"{match.Step.Text}\" did not stop within {StopGrace.TotalSeconds:0} s of being cancelled; the scenario was cleaned up without it");
                }

                throw;
            }
        }

        private (StepStatus, string?) Classify(Exception exception, StepMatch match, CancellationToken limit, CancellationToken run)
        {
            _stopped = true;
            switch (exception)
            {
                case RequirementViolationException violation:
                    context.Add(violation.Violation);
                    return (StepStatus.Failed, violation.Message);
                case ScenarioSkippedException skipped:
                    SkipReason = skipped.Reason;
                    SkipIsPrerequisite = true;
                    return (StepStatus.Skipped, skipped.Reason);
                case PendingStepException:
                    PendingSuggestion = SnippetGenerator.Suggest(match.Step);
                    return (StepStatus.Undefined, exception.Message);
                case OperationCanceledException when limit.IsCancellationRequested && !run.IsCancellationRequested:
                    Fail("the scenario finishes within its time limit", $"the step \"{match.Step.Text}\" was still running when the time limit passed");
                    return (StepStatus.Failed, "time limit passed");
                case OperationCanceledException when run.IsCancellationRequested:
                    SkipReason = "the run was stopped";
                    return (StepStatus.Skipped, SkipReason);
                default:
                    Fail($"the step \"{match.Step.Text}\" completes", $"{exception.GetType().Name}: {exception.Message}");
                    return (StepStatus.Failed, exception.Message);
            }
        }

        private void Fail(string expected, string actual) => context.ViolateScenarioRequirements(expected, actual, hard: true);
    }
}

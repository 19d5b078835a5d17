using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Running;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Reports;

/// <summary>
/// The run as Cucumber's message stream (<c>messages.ndjson</c>), in the order Cucumber's own tools expect:
/// meta; each feature's source, document and the pickles that ran; the step definitions used; the run's start;
/// per scenario its test case, start, each step's start and result, attachments, finish; the run's finish.
/// failed, skipped, undefined and ambiguous map to Cucumber's statuses; a step whose violations are only
/// non-strict or informational is passed, with an attachment saying so (under --strict the runner has
/// already labelled a missed SHOULD failed).
/// </summary>
internal static class CucumberMessages
{
    /// <summary>Every envelope of <paramref name="run"/>, whose scenarios come from <paramref name="features"/>.</summary>
    public static IEnumerable<Messages.Envelope> Of(RunResult run, IReadOnlyList<LoadedFeature> features)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(features);
        yield return Envelope(meta: Meta());

        var ran = run.Scenarios.Where(result => result.Scenario.Pickle is not null).ToList();
        var pickles = ran.Select(result => result.Scenario.Pickle!.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var feature in features.Where(feature => feature.Scenarios.Any(scenario => scenario.Pickle is { } pickle && pickles.Contains(pickle.Id))))
        {
            yield return Envelope(source: new Messages.Source(feature.Path, feature.Source, Messages.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN));
            yield return Envelope(gherkinDocument: feature.Document);
            foreach (var scenario in feature.Scenarios.Where(scenario => scenario.Pickle is { } pickle && pickles.Contains(pickle.Id)))
            {
                yield return Envelope(pickle: scenario.Pickle);
            }
        }

        var definitions = ran.SelectMany(result => result.Steps).Select(step => step.Binding).OfType<StepBinding>().Distinct().ToList();
        var definitionIds = definitions.Select((binding, index) => (binding, id: $"stepdef-{index + 1}")).ToDictionary(pair => pair.binding, pair => pair.id);
        foreach (var (binding, id) in definitionIds)
        {
            yield return Envelope(stepDefinition: new Messages.StepDefinition(
                id,
                new Messages.StepDefinitionPattern(binding.Pattern.ToString(), Messages.StepDefinitionPatternType.REGULAR_EXPRESSION),
                new Messages.SourceReference(null, new Messages.JavaMethod(binding.Method.DeclaringType?.FullName ?? "", binding.Method.Name, []), null, null)));
        }

        const string RunId = "run";
        yield return Envelope(testRunStarted: new Messages.TestRunStarted(Timestamp(run.Started), RunId));
        var byId = run.Requirements.ToDictionary(requirement => requirement.Requirement.Id, requirement => requirement.Requirement, StringComparer.Ordinal);
        ScenarioOutcome Weigh(Violation violation) =>
            violation.Hard || !byId.TryGetValue(violation.Requirement, out var requirement) ? ScenarioOutcome.Failed : run.Judging.ViolationOutcome(requirement);
        foreach (var (result, index) in ran.Select((result, index) => (result, index + 1)))
        {
            foreach (var envelope in TestCase(result, index, RunId, definitionIds, Weigh))
            {
                yield return envelope;
            }
        }

        yield return Envelope(testRunFinished: new Messages.TestRunFinished(run.VerdictLine, run.Conformant, Timestamp(run.Started + run.Duration), null, RunId));
    }

    private static IEnumerable<Messages.Envelope> TestCase(ScenarioResult result, int index, string runId, Dictionary<StepBinding, string> definitionIds, Func<Violation, ScenarioOutcome> weigh)
    {
        var caseId = $"case-{index}";
        var startedId = $"started-{index}";
        var steps = result.Steps.Select((step, number) => (step, id: $"case-{index}-step-{number + 1}")).ToList();
        yield return Envelope(testCase: new Messages.TestCase(
            caseId,
            result.Scenario.Pickle!.Id,
            steps.Select(pair => new Messages.TestStep(
                null,
                pair.id,
                pair.step.Step?.PickleStepId,
                pair.step.Binding is { } binding ? [definitionIds[binding]] : [],
                pair.step.Binding is null ? [] : [new Messages.StepMatchArgumentsList([])])).ToList(),
            runId));

        var at = result.Started;
        yield return Envelope(testCaseStarted: new Messages.TestCaseStarted(0, startedId, caseId, "0", Timestamp(at)));
        foreach (var (step, id) in steps)
        {
            yield return Envelope(testStepStarted: new Messages.TestStepStarted(startedId, id, Timestamp(at)));
            var (status, message, note) = Status(step, result, weigh);
            if (note is not null)
            {
                yield return Envelope(attachment: Text(note, startedId, id, at));
            }

            at += step.Duration;
            yield return Envelope(testStepFinished: new Messages.TestStepFinished(
                startedId, id, new Messages.TestStepResult(Duration(step.Duration), message, status, null), Timestamp(at)));
        }

        if (result.Transcript is { } transcript)
        {
            yield return Envelope(attachment: new Messages.Attachment(
                transcript.ToJsonString(), Messages.AttachmentContentEncoding.IDENTITY, TranscriptPaths.Of(result.Scenario), "application/json",
                null, startedId, null, null, null, null, Timestamp(at)));
        }

        foreach (var note in result.Notes)
        {
            yield return Envelope(attachment: Text($"note: {note}", startedId, null, at));
        }

        yield return Envelope(testCaseFinished: new Messages.TestCaseFinished(startedId, Timestamp(result.Started + result.Duration), false));
    }

    private static (Messages.TestStepResultStatus Status, string? Message, string? Note) Status(StepResult step, ScenarioResult result, Func<Violation, ScenarioOutcome> weigh)
    {
        switch (step.Status)
        {
            case StepStatus.Passed:
                return (Messages.TestStepResultStatus.PASSED, null, null);
            case StepStatus.Skipped:
                return (Messages.TestStepResultStatus.SKIPPED, step.Message ?? result.Reason, null);
            case StepStatus.Undefined:
                return (Messages.TestStepResultStatus.UNDEFINED, step.Message ?? result.Reason, null);
            case StepStatus.Ambiguous:
                return (Messages.TestStepResultStatus.AMBIGUOUS, step.Message ?? result.Reason, null);
            default:
                // A step that found only SHOULD (non-strict) or MAY (informational) violations did not fail its scenario.
                var worst = step.Violations.Count == 0 ? ScenarioOutcome.Failed : step.Violations.Select(weigh).MaxBy(OutcomeNames.Severity);
                return worst is ScenarioOutcome.NonStrict or ScenarioOutcome.Informational
                    ? (Messages.TestStepResultStatus.PASSED, null, $"{OutcomeNames.Of(worst)}: {step.Message}")
                    : (Messages.TestStepResultStatus.FAILED, step.Message, null);
        }
    }

    private static Messages.Attachment Text(string text, string testCaseStartedId, string? testStepId, DateTimeOffset at) =>
        new(text, Messages.AttachmentContentEncoding.IDENTITY, null, "text/plain", null, testCaseStartedId, testStepId, null, null, null, Timestamp(at));

    private static Messages.Meta Meta() => new(
        Cucumber.Messages.ProtocolVersion.Version,
        new Messages.Product(ToolVersion.Name, ToolVersion.Version),
        new Messages.Product(".NET", Environment.Version.ToString()),
        new Messages.Product(System.Runtime.InteropServices.RuntimeInformation.OSDescription, null),
        new Messages.Product(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), null),
        null);

    private static Messages.Timestamp Timestamp(DateTimeOffset at) => Cucumber.Messages.Converters.ToTimestamp(at.UtcDateTime);

    private static Messages.Duration Duration(TimeSpan span) => Cucumber.Messages.Converters.ToDuration(span);

    private static Messages.Envelope Envelope(
        Messages.Attachment? attachment = null, Messages.GherkinDocument? gherkinDocument = null, Messages.Meta? meta = null, Messages.Pickle? pickle = null,
        Messages.Source? source = null, Messages.StepDefinition? stepDefinition = null, Messages.TestCase? testCase = null,
        Messages.TestCaseFinished? testCaseFinished = null, Messages.TestCaseStarted? testCaseStarted = null, Messages.TestRunFinished? testRunFinished = null,
        Messages.TestRunStarted? testRunStarted = null, Messages.TestStepFinished? testStepFinished = null, Messages.TestStepStarted? testStepStarted = null) =>
        new(attachment, null, gherkinDocument, null, meta, null, null, pickle, null, source, stepDefinition, testCase, testCaseFinished, testCaseStarted,
            testRunFinished, testRunStarted, testStepFinished, testStepStarted, null, null, null);
}

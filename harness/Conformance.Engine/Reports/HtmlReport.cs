using System.Net;
using System.Text;
using System.Text.Json;
using Conformance.Engine.Documentation;
using Conformance.Engine.Documentation.Diagrams;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Engine.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page that works offline (no script, no external file): the verdict,
/// an outcome per requirement, and per scenario its steps, its violations as expected against actual (with the
/// fix of a mistake the catalog knows for that requirement), its notes, its transcript as a sequence diagram and
/// as JSON, and excerpts of the process's output. Every text was masked before it got here.
/// </summary>
internal static class HtmlReport
{
    private const int OutputExcerptCharacters = 8 * 1024;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The page for <paramref name="run"/> against <paramref name="target"/>.</summary>
    public static string Build(RunResult run, RunTarget target)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(target);
        var page = new StringBuilder();
        var verdict = run.Conformant ? "conformant" : "not-conformant";
        var what = target.Command is null ? "the reference implementations" : $"{target.Role}: {string.Join(' ', target.Command)}";
        page.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Conformance report: {E(verdict)}</title>
            <style>{Style}</style></head><body>
            <h1>Conformance report <span class="badge {verdict}">{E(verdict.Replace('-', ' ').ToUpperInvariant())}</span></h1>
            <p>{E(what)}<br>{E(ToolVersion.Name)} {E(ToolVersion.Version)}, {run.Started:yyyy-MM-dd HH:mm:ss} UTC, {run.Duration.TotalSeconds:0.0} s{(run.Judging.Strict ? ", --strict" : "")}{(run.Judging.SourceOnly ? ", --source-only" : "")}</p>
            <p class="verdict">{E(run.VerdictLine)}</p>
            """);
        var summary = run.Summary;
        page.Append($"<p class=\"counts\">{summary.Total} scenarios: {summary.Passed} passed, {summary.Failed} failed, {summary.NonStrict} non-strict, {summary.Informational} informational, {summary.Skipped} skipped, {summary.Undefined} undefined</p>\n");

        page.Append("<h2>Requirements</h2>\n<table><tr><th>ID</th><th>Level</th><th>Origin</th><th>Outcome</th><th>Requirement</th><th>Scenarios</th></tr>\n");
        foreach (var requirement in run.Requirements)
        {
            var outcome = OutcomeNames.Of(requirement.Outcome);
            var rule = requirement.Requirement;
            var note = rule.OriginNote is { } text ? $"<br><span class=\"origin-note\">{E(rule.OriginName)}: {E(text)}</span>" : "";
            note += requirement.Reason is { } reason ? $"<br><span class=\"origin-note\">{(requirement.Unchecked ? "unchecked, so not conformant" : "skipped")}: {E(reason)}</span>" : "";
            page.Append($"<tr><td><a href=\"#{E(rule.Id)}\">{E(rule.Id)}</a></td><td>{E(rule.LevelName)}</td><td class=\"origin\">{E(rule.OriginName)}</td>"
                + $"<td class=\"{outcome}\">{outcome}</td><td>{E(rule.Summary)}{note}</td><td>{requirement.Scenarios.Count}</td></tr>\n");
        }

        page.Append("</table>\n");
        TimeSection(page, run);
        page.Append("<h2>Scenarios</h2>\n");
        var anchored = new HashSet<string>();
        var mistakes = run.Requirements.ToDictionary(requirement => requirement.Requirement.Id, requirement => requirement.Requirement.Mistakes, StringComparer.Ordinal);
        foreach (var result in run.Scenarios)
        {
            Scenario(page, result, anchored, mistakes);
        }

        page.Append("</body></html>\n");
        return page.ToString();
    }

    private static void TimeSection(StringBuilder page, RunResult run)
    {
        var situations = TimeSpent.Situations(run);
        if (situations.Count == 0)
        {
            return;
        }

        page.Append($"<h2>Where the time went</h2>\n<p>{situations.Count} runs of the executable under test for {run.Scenarios.Count} scenarios; each run is judged by every scenario that sets up its situation.</p>\n");
        page.Append("<table><tr><th>Situation</th><th>Duration</th><th>Scenarios</th><th>Waited for</th></tr>\n");
        foreach (var cost in situations)
        {
            page.Append($"<tr><td>{E(cost.Name)}</td><td>{cost.Duration.TotalSeconds:0.0} s</td><td>{cost.Scenarios}</td><td>{E(string.Join("; ", cost.Waits.Select(wait => wait.Describe())))}</td></tr>\n");
        }

        page.Append("</table>\n");
    }

    private static void Scenario(StringBuilder page, ScenarioResult result, HashSet<string> anchored, IReadOnlyDictionary<string, IReadOnlyList<KnownMistake>> mistakes)
    {
        var scenario = result.Scenario;
        var outcome = OutcomeNames.Of(result.Outcome);
        var anchors = string.Concat(scenario.Requirements.Where(anchored.Add).Select(id => $"<a id=\"{E(id)}\"></a>"));
        var open = result.Outcome is ScenarioOutcome.Failed or ScenarioOutcome.Undefined or ScenarioOutcome.NonStrict ? " open" : "";
        page.Append($"{anchors}<details class=\"scenario\"{open}><summary><span class=\"{outcome}\">{outcome}</span> {E(scenario.FeatureName)} / {E(scenario.Name)}</summary>\n");
        var situations = result.Recordings.Count == 0 ? "" : $" · judged the run{(result.Recordings.Count == 1 ? "" : "s")}: {E(string.Join(", ", result.Recordings.Select(recording => recording.Situation.Name)))}";
        page.Append($"<p class=\"meta\">{E(scenario.FeaturePath)}:{scenario.Line} · {E(string.Join(' ', scenario.Tags))} · {result.Duration.TotalMilliseconds:0} ms{situations}</p>\n");
        if (result.Reason is not null)
        {
            page.Append($"<p><strong>Reason:</strong> {E(result.Reason)}</p>\n");
        }

        if (result.Snapshot is { } snapshot)
        {
            var difference = snapshot.Difference is { } diff ? $"<pre>{E(diff)}</pre>" : "";
            page.Append($"<p class=\"snapshot {snapshot.StateName}\">Transcript against the approved baseline: <strong>{snapshot.StateName}</strong>{(snapshot.IsRegression ? $" — review {E(snapshot.ReceivedPath ?? snapshot.VerifiedPath)} and approve with --accept" : "")}</p>{difference}\n");
        }

        if (result.Violations.Count > 0)
        {
            page.Append("<table><tr><th>Requirement</th><th>Expected</th><th>Actual</th></tr>\n");
            foreach (var violation in result.Violations)
            {
                page.Append($"<tr><td>{E(violation.Requirement)}</td><td>{E(violation.Expected)}</td><td><pre>{E(violation.Actual)}</pre></td></tr>\n");
            }

            // The fix goes once under the violations it explains, however many of them name the requirement.
            foreach (var known in result.Violations.Select(violation => violation.Requirement).Distinct().SelectMany(id => mistakes.GetValueOrDefault(id) ?? []))
            {
                page.Append($"<tr class=\"fix\"><td>{E(known.Requirement)}</td><td colspan=\"2\">{MistakeMarkup.Render(known)}</td></tr>\n");
            }

            page.Append("</table>\n");
        }

        page.Append("<ol class=\"steps\">\n");
        foreach (var step in result.Steps)
        {
            var message = step.Message is null ? "" : $" <span class=\"message\">— {E(step.Message)}</span>";
            page.Append($"<li class=\"{step.Status.ToString().ToLowerInvariant()}\"><b>{E(step.Keyword)}</b> {E(step.Text)}{message}</li>\n");
        }

        page.Append("</ol>\n");
        if (result.Suggestion is not null)
        {
            page.Append($"<p>Suggested binding:</p><pre>{E(result.Suggestion)}</pre>\n");
        }

        foreach (var note in result.Notes)
        {
            page.Append($"<p class=\"note\">Note: {E(note)}</p>\n");
        }

        foreach (var (name, text) in result.Attachments)
        {
            var excerpt = text.Length <= OutputExcerptCharacters ? text : text[..OutputExcerptCharacters] + $"\n… ({text.Length - OutputExcerptCharacters} more characters)";
            page.Append($"<details><summary>{E(name)} ({text.Length} characters)</summary><pre>{E(excerpt)}</pre></details>\n");
        }

        if (result.Transcript is not null)
        {
            var parties = ProtocolModules.All.FirstOrDefault(module => module.Protocol == scenario.Protocol)?.Parties ?? TranscriptParties.Generic;
            page.Append($"<details><summary>Sequence diagram</summary><div class=\"diagram\">{SequenceDiagram.Draw(result.Transcript, parties, $"Sequence diagram: {scenario.Name}")}</div></details>\n");
            page.Append($"<details><summary>Transcript</summary><pre>{E(result.Transcript.ToJsonString(Indented))}</pre></details>\n");
        }

        page.Append("</details>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;max-width:75em;color:#222}
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
        pre{white-space:pre-wrap;word-break:break-all;margin:0;font-size:.85em}
        .badge{font-size:.6em;padding:.2em .6em;border-radius:.3em;color:#fff}.badge.conformant{background:#2a7}.badge.not-conformant{background:#c33}
        .passed{color:#2a7}.failed,.not-covered,.undefined{color:#c33;font-weight:bold}.non-strict{color:#b80}.informational,.skipped{color:#777}
        details.scenario{border:1px solid #ddd;border-radius:.3em;margin:.4em 0;padding:.3em .6em}summary{cursor:pointer}
        .meta{color:#777;font-size:.85em}.note{color:#555}.steps li.failed{color:#c33}.steps li.skipped,.steps li.undefined,.steps li.ambiguous{color:#999}
        .message{color:#555}.snapshot.changed,.snapshot.new{color:#b80}.verdict{font-weight:bold}.origin-note{color:#666;font-size:.85em}
        .mistake{border-left:4px solid #c0504d;background:#fff9f9;padding:.2em .8em}.mistake pre{background:#f5f7fa;padding:.4em}
        .diagram{overflow-x:auto}
        """;
}

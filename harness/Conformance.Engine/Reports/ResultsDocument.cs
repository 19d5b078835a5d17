using System.Text.Json.Nodes;
using Conformance.Engine.Running;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Reports;

/// <summary>Builds <c>results.json</c> as its contract (the README, and schemas/conformance/results.schema.json) describes it.</summary>
internal static class ResultsDocument
{
    /// <summary>The results of <paramref name="run"/> against <paramref name="target"/>.</summary>
    public static JsonObject Build(RunResult run, RunTarget target)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(target);
        var summary = run.Summary;
        var document = new JsonObject
        {
            ["tool"] = new JsonObject { ["name"] = ToolVersion.Name, ["version"] = ToolVersion.Version },
            ["target"] = new JsonObject
            {
                ["role"] = target.Role,
                ["command"] = target.Command is null ? null : new JsonArray(target.Command.Select(part => (JsonNode)part).ToArray()),
            },
            ["outcome"] = run.Conformant ? "conformant" : "not-conformant",
            ["verdict"] = run.VerdictLine,
            ["judging"] = new JsonObject { ["strict"] = run.Judging.Strict, ["sourceOnly"] = run.Judging.SourceOnly },
            ["summary"] = new JsonObject
            {
                ["passed"] = summary.Passed,
                ["failed"] = summary.Failed,
                ["nonStrict"] = summary.NonStrict,
                ["informational"] = summary.Informational,
                ["skipped"] = summary.Skipped,
                ["undefined"] = summary.Undefined,
            },
            ["requirements"] = new JsonArray(run.Requirements.Select(requirement => (JsonNode)Requirement(requirement)).ToArray()),
            ["scenarios"] = new JsonArray(run.Scenarios.Select(result => (JsonNode)Scenario(result)).ToArray()),
            ["situations"] = new JsonArray(TimeSpent.Situations(run).Select(cost => (JsonNode)new JsonObject
            {
                ["name"] = cost.Name,
                ["durationMs"] = (long)cost.Duration.TotalMilliseconds,
                ["scenarios"] = cost.Scenarios,
                ["waits"] = new JsonArray(cost.Waits.Select(wait => (JsonNode)wait.Describe()).ToArray()),
            }).ToArray()),
        };
        if (SnapshotCounts(run) is { } snapshots)
        {
            document["snapshots"] = snapshots;
        }

        return document;
    }

    private static JsonObject? SnapshotCounts(RunResult run)
    {
        var compared = run.Scenarios.Select(scenario => scenario.Snapshot).OfType<SnapshotComparison>().ToList();
        return compared.Count == 0 ? null : new JsonObject
        {
            ["matched"] = compared.Count(snapshot => snapshot.Status == SnapshotStatus.Matched),
            ["changed"] = compared.Count(snapshot => snapshot.Status == SnapshotStatus.Changed),
            ["new"] = compared.Count(snapshot => snapshot.Status == SnapshotStatus.New),
            ["accepted"] = compared.Count(snapshot => snapshot.Status == SnapshotStatus.Accepted),
        };
    }

    private static JsonObject Requirement(RequirementResult result)
    {
        var requirement = result.Requirement;
        var entry = new JsonObject
        {
            ["id"] = requirement.Id,
            ["level"] = requirement.LevelName,
            ["origin"] = requirement.OriginName,
            ["outcome"] = OutcomeNames.Of(result.Outcome),
        };
        if (requirement.OriginNote is { } note)
        {
            entry["note"] = note;
        }

        if (result.Reason is { } reason)
        {
            entry["reason"] = result.Unchecked ? $"unchecked, so not conformant: {reason}" : reason;
        }

        return entry;
    }

    private static JsonObject Scenario(ScenarioResult result)
    {
        var scenario = result.Scenario;
        var entry = new JsonObject
        {
            ["feature"] = scenario.FeaturePath,
            ["name"] = scenario.Name,
            ["tags"] = new JsonArray(scenario.Tags.Select(tag => (JsonNode)tag).ToArray()),
            ["requirements"] = new JsonArray(scenario.Requirements.Select(id => (JsonNode)id).ToArray()),
            ["outcome"] = OutcomeNames.Of(result.Outcome),
        };
        if (result.Reason is not null)
        {
            entry["reason"] = result.Reason;
        }

        if (result.Suggestion is not null)
        {
            entry["suggestion"] = result.Suggestion;
        }

        if (scenario.Example is { } example)
        {
            var row = new JsonObject();
            foreach (var (header, value) in example)
            {
                row[header] = value;
            }

            entry["example"] = row;
        }

        entry["durationMs"] = (long)result.Duration.TotalMilliseconds;
        entry["violations"] = new JsonArray(result.Violations.Select(violation => (JsonNode)new JsonObject
        {
            ["requirement"] = violation.Requirement,
            ["expected"] = violation.Expected,
            ["actual"] = violation.Actual,
        }).ToArray());
        if (result.Notes.Count > 0)
        {
            entry["notes"] = new JsonArray(result.Notes.Select(note => (JsonNode)note).ToArray());
        }

        if (result.Recordings.Count > 0)
        {
            entry["situations"] = new JsonArray(result.Recordings.Select(recording => (JsonNode)recording.Situation.Name).ToArray());
        }

        if (result.Snapshot is { } snapshot)
        {
            var state = new JsonObject { ["state"] = snapshot.StateName, ["approved"] = snapshot.VerifiedPath };
            if (snapshot.ReceivedPath is { } received)
            {
                state["received"] = received;
            }

            if (snapshot.Difference is { } difference)
            {
                state["difference"] = difference;
            }

            entry["snapshot"] = state;
        }

        if (result.Transcript is not null)
        {
            entry["transcript"] = TranscriptPaths.Of(scenario);
        }

        return entry;
    }
}

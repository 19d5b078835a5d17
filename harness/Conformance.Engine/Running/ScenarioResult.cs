using System.Text.Json.Nodes;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Running;

/// <summary>Everything known about one scenario after it ran: outcome, why, steps, violations, notes and transcript.</summary>
internal sealed record ScenarioResult
{
    /// <summary>The scenario.</summary>
    public required CompiledScenario Scenario { get; init; }

    /// <summary>How it came out.</summary>
    public required ScenarioOutcome Outcome { get; init; }

    /// <summary>Why it was skipped, undefined or informational.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// True when it was skipped because a prerequisite was missing (a step said so), rather than for the platform
    /// or a stopped run: its requirements then went unchecked.
    /// </summary>
    public bool MissingPrerequisite { get; init; }

    /// <summary>For an undefined scenario: the binding its step needs.</summary>
    public string? Suggestion { get; init; }

    /// <summary>Each step's result.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>Requirements not met.</summary>
    public IReadOnlyList<Violation> Violations { get; init; } = [];

    /// <summary>Observations that change no outcome.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Named texts for the report (masked).</summary>
    public IReadOnlyDictionary<string, string> Attachments { get; init; } = new Dictionary<string, string>();

    /// <summary>When it started.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The transcript, secrets masked; null when no step ran.</summary>
    public JsonObject? Transcript { get; init; }

    /// <summary>The shared recordings the scenario judged: which situations, how long each took and what it waited for.</summary>
    public IReadOnlyList<Situations.Recording> Recordings { get; init; } = [];

    /// <summary>The snapshot comparison, when snapshots are in use.</summary>
    public SnapshotComparison? Snapshot { get; init; }
}

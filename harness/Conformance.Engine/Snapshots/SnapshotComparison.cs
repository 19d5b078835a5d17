namespace Conformance.Engine.Snapshots;

/// <summary>How a scenario's scrubbed transcript compared with its approved snapshot: a regression signal, kept apart from conformance.</summary>
internal enum SnapshotStatus
{
    /// <summary>Identical to the approved snapshot.</summary>
    Matched,

    /// <summary>Different from the approved snapshot; the received file was written.</summary>
    Changed,

    /// <summary>No approved snapshot yet; the received file was written.</summary>
    New,

    /// <summary>Approved now (--accept).</summary>
    Accepted,
}

/// <summary>The comparison's result, with where the files are and the difference when there is one.</summary>
internal sealed record SnapshotComparison(SnapshotStatus Status, string VerifiedPath, string? ReceivedPath, string? Difference)
{
    /// <summary>True when the transcript differs from, or has no, approved baseline: behaviour changed, whatever conformance says.</summary>
    public bool IsRegression => Status is SnapshotStatus.Changed or SnapshotStatus.New;

    /// <summary>"matched", "changed", "new" or "accepted", as reports write it.</summary>
    public string StateName => Status.ToString().ToLowerInvariant();
}

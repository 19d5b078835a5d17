namespace Conformance.Engine.Snapshots;

/// <summary>How a scenario's scrubbed transcript compared with its approved snapshot.</summary>
public enum SnapshotStatus
{
    /// <summary>Identical to the approved snapshot.</summary>
    Matched,

    /// <summary>Different; the received file was written.</summary>
    Mismatched,

    /// <summary>No approved snapshot yet; the received file was written.</summary>
    Missing,

    /// <summary>Approved now (--accept).</summary>
    Accepted,
}

/// <summary>The comparison's result, with where the files are and the difference when there is one.</summary>
public sealed record SnapshotComparison(SnapshotStatus Status, string VerifiedPath, string? ReceivedPath, string? Difference)
{
    /// <summary>True when the scenario fails for it.</summary>
    public bool Fails => Status is SnapshotStatus.Mismatched or SnapshotStatus.Missing;
}

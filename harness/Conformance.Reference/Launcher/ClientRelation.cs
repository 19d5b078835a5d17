namespace Conformance.Reference.Launcher;

/// <summary>How a pipe client's process relates to the connector process the Launcher started (LC-L16).</summary>
public enum ClientRelation
{
    /// <summary>The started process itself.</summary>
    StartedProcess,

    /// <summary>A descendant of the started process.</summary>
    Descendant,

    /// <summary>A descendant that left the tree (double fork, lost parent) but is still contained below the connector's process host.</summary>
    AdoptedDescendant,

    /// <summary>Any other process.</summary>
    Unrelated,

    /// <summary>The platform does not say who the client is.</summary>
    Unknown,
}

namespace Conformance.Engine.Requirements;

/// <summary>How binding a requirement is.</summary>
internal enum RequirementLevel
{
    /// <summary>A violation fails certification.</summary>
    Must,

    /// <summary>A violation is flagged (non-strict); <c>--strict</c> makes it fail.</summary>
    Should,

    /// <summary>Information only.</summary>
    May,
}

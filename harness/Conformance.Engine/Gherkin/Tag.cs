namespace Conformance.Engine.Gherkin;

/// <summary>The tags the suite gives meaning to.</summary>
internal static class Tag
{
    /// <summary>Prefix of a requirement tag, as in <c>@req:LC-C04</c>.</summary>
    public const string RequirementPrefix = "@req:";

    /// <summary>Prefix of the party under test, as in <c>@role:connector</c>.</summary>
    public const string RolePrefix = "@role:";

    /// <summary>A scenario that only means something on Windows.</summary>
    public const string Windows = "@windows";

    /// <summary>A scenario that only means something on Unix.</summary>
    public const string Unix = "@unix";

    /// <summary>A reading of an unclear source, open to dispute.</summary>
    public const string Interpretation = "@interpretation";

    /// <summary>A rule beyond the source, which --source-only counts as information.</summary>
    public const string Policy = "@policy";

    /// <summary>
    /// A scenario that drives a reference implementation inside the harness's own process (under a manual clock):
    /// it says nothing about an external executable, so certifying a role leaves it out.
    /// </summary>
    public const string InProcess = "@in-process";
}

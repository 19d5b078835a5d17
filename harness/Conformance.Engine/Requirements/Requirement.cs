namespace Conformance.Engine.Requirements;

/// <summary>One catalog entry, in the project's own words.</summary>
/// <param name="Id">The stable ID, such as <c>LC-C04</c>.</param>
/// <param name="Level">MUST, SHOULD or MAY.</param>
/// <param name="Role">The party it binds, such as <c>connector</c>: the first of <see cref="Roles"/> when it binds several.</param>
/// <param name="Summary">What it asks for.</param>
/// <param name="Origin">Whether the source says it, the suite reads it into the source, or the suite adds it.</param>
/// <param name="Protocol">The protocol folder it belongs to.</param>
/// <param name="OriginNote">For an interpretation or a policy: what the source says, what the suite reads or adds, and why.</param>
internal sealed record Requirement(string Id, RequirementLevel Level, string Role, string Summary, RequirementOrigin Origin, string Protocol, string? OriginNote = null)
{
    /// <summary>Mistakes implementers are known to make against it, each with its fix; empty when none is known.</summary>
    public IReadOnlyList<KnownMistake> Mistakes { get; init; } = [];
    private readonly IReadOnlyList<string>? _roles;

    /// <summary>
    /// Every party it binds: a rule of an exchange may oblige both sides (one sends in time, the other enforces the
    /// deadline), each checked by scenarios of its own role. Just <see cref="Role"/> unless the catalog lists several.
    /// </summary>
    public IReadOnlyList<string> Roles
    {
        get => _roles ?? [Role];
        init => _roles = value is { Count: > 0 } ? value : null;
    }

    /// <summary>True when <paramref name="role"/> is one of the parties it binds.</summary>
    public bool Binds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>"MUST", "SHOULD" or "MAY", as reports write it.</summary>
    public string LevelName => Level.ToString().ToUpperInvariant();

    /// <summary>"source", "interpretation" or "policy", as reports write it.</summary>
    public string OriginName => Origin.ToString().ToLowerInvariant();

    /// <summary>True when the rule is the suite's reading of an unclear source.</summary>
    public bool IsInterpretation => Origin == RequirementOrigin.Interpretation;

    /// <summary>True when the rule goes beyond the source.</summary>
    public bool IsPolicy => Origin == RequirementOrigin.Policy;
}

namespace Conformance.Engine.Reports;

/// <summary>What a run checked: the reference implementations, or an external executable in a role.</summary>
/// <param name="Role">"reference", or the certified role such as "connector".</param>
/// <param name="Command">The executable and its arguments; null for the reference.</param>
internal sealed record RunTarget(string Role, IReadOnlyList<string>? Command)
{
    /// <summary>The self-check's target.</summary>
    public static RunTarget Reference { get; } = new("reference", null);
}

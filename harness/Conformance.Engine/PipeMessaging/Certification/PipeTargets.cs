namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>Run-wide: the executable each role's scenarios run against — all four reference executables in a self-check, one under <c>certify</c>.</summary>
internal sealed class PipeTargets
{
    private readonly Dictionary<string, PipeRoleTarget> _targets = new(StringComparer.Ordinal);

    /// <summary>Sets the executable of <paramref name="target"/>'s role.</summary>
    public PipeTargets With(PipeRoleTarget target)
    {
        _targets[target.Role] = target;
        return this;
    }

    /// <summary>The executable certified as <paramref name="role"/>.</summary>
    /// <exception cref="InvalidOperationException">This run certifies another role.</exception>
    public PipeRoleTarget For(string role) =>
        _targets.TryGetValue(role, out var target) ? target : throw new InvalidOperationException($"This run has no {role} to run against.");

    /// <summary>The reference executable of every role.</summary>
    public static PipeTargets Reference()
    {
        var targets = new PipeTargets();
        foreach (var role in PipeRoles.All)
        {
            targets.With(new PipeRoleTarget
            {
                Role = role,
                Command = [.. Processes.DotnetHost.Command(ReferenceExecutable, "The reference Pipe Messaging roles"), role],
                WorkingDirectory = AppContext.BaseDirectory,
                Timeouts = PipeRoles.DefaultTimeouts(role),
            });
        }

        return targets;
    }

    /// <summary>The reference roles' executable, built beside the harness.</summary>
    public const string ReferenceExecutable = "ReferencePipeMessaging.dll";
}

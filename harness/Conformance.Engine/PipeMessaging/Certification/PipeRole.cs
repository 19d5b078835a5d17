using Conformance.Engine.Modules;
using Conformance.Engine.Running;
using Conformance.Engine.Validation;

namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary><c>certify &lt;role&gt;</c> for one of the four Pipe Messaging roles, the harness playing the other side over real pipes.</summary>
internal sealed class PipeRole(string name) : CertifiableRole
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Summary => PipeRoles.Summary(name);

    /// <inheritdoc />
    public override string ManifestSchema => PipeRoleManifest.Schema(name);

    /// <inheritdoc />
    public override CertificationTarget ReadTarget(string? manifestPath, IReadOnlyList<string> command, SchemaSet schemas, string currentDirectory) =>
        new PipeRoleCertification(PipeRoleManifest.Read(name, manifestPath, command, schemas, currentDirectory));
}

/// <summary>An executable to run one role's scenarios against.</summary>
internal sealed class PipeRoleCertification(PipeRoleTarget target) : CertificationTarget
{
    /// <inheritdoc />
    public override string Role => target.Role;

    /// <inheritdoc />
    public override IReadOnlyList<string> Command => target.Command;

    /// <inheritdoc />
    public override void Configure(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.With(new PipeTargets().With(target));
        run.AllowScenarioTime(ScenarioTime(target));
    }

    /// <summary>The most an act may take: its deadlines added up, with room for starting processes; at least a minute.</summary>
    public static TimeSpan ScenarioTime(PipeRoleTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var total = target.Timeouts.Values.Aggregate(TimeSpan.Zero, (sum, value) => sum + value);
        var needed = (4 * total) + TimeSpan.FromSeconds(30);
        return needed > TimeSpan.FromMinutes(1) ? needed : TimeSpan.FromMinutes(1);
    }
}

using Conformance.Engine.Bindings;
using Conformance.Engine.Modules;
using Conformance.Engine.PipeMessaging.Certification;
using Conformance.Engine.Running;

namespace Conformance.Engine.PipeMessaging;

/// <summary>
/// Pipe Messaging: a command pipe (one request, one response per connection) and an event pipe (one lasting
/// client, handshakes, confirmed events), framed alike with a big-endian length. Each role's timings are
/// checked on the reference roles under a manual clock; each of the four roles can be certified as an
/// executable, the harness playing the other side over real pipes.
/// </summary>
internal sealed class PipeMessagingModule : IProtocolModule
{
    /// <inheritdoc />
    public string Protocol => "pipe-messaging";

    /// <inheritdoc />
    public StepRegistry Steps { get; } = StepRegistry.FromNamespace(typeof(PipeMessagingModule).Assembly, typeof(PipeMessagingModule).Namespace!);

    /// <inheritdoc />
    public IReadOnlyList<CertifiableRole> Roles { get; } = [.. PipeRoles.All.Select(role => new PipeRole(role))];

    /// <inheritdoc />
    public void ConfigureReference(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var targets = PipeTargets.Reference();
        run.With(targets);
        foreach (var role in PipeRoles.All)
        {
            run.AllowScenarioTime(PipeRoleCertification.ScenarioTime(targets.For(role)));
        }
    }
}

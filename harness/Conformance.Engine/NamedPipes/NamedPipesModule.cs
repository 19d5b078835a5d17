using Conformance.Engine.Bindings;
using Conformance.Engine.Modules;
using Conformance.Engine.Running;

namespace Conformance.Engine.NamedPipes;

/// <summary>
/// The named-pipe transport under every protocol: byte streams, instances, busy pipes and retries, accounts,
/// end of stream and names. Its rules are checked on the project's own transport on the platform the run is
/// on; the other platform's scenarios are reported skipped. No executable is certified as a transport.
/// </summary>
internal sealed class NamedPipesModule : IProtocolModule
{
    /// <inheritdoc />
    public string Protocol => "named-pipes";

    /// <inheritdoc />
    public StepRegistry Steps { get; } = StepRegistry.FromNamespace(typeof(NamedPipesModule).Assembly, typeof(NamedPipesModule).Namespace!);

    /// <inheritdoc />
    public IReadOnlyList<CertifiableRole> Roles { get; } = [];

    /// <inheritdoc />
    public void ConfigureReference(RunContext run)
    {
        // The scenarios make their own pipes and probe processes; nothing is shared across a run.
    }
}

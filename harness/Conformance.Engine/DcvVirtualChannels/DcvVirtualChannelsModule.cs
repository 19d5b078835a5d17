using Conformance.Engine.Bindings;
using Conformance.Engine.DcvVirtualChannels.Certification;
using Conformance.Engine.Modules;
using Conformance.Engine.Running;

namespace Conformance.Engine.DcvVirtualChannels;

/// <summary>
/// DCV virtual channels: an extension's control channel (LE32 frames of protobuf on its standard input and output)
/// and the relays that carry a channel's bytes between it and the remote party. The broker's rules are checked on
/// the reference broker in process; an extension's by running it under the harness, which plays DCV and the remote
/// party — the reference extension in a self-check, any executable under <c>certify dcv-extension</c>.
/// </summary>
internal sealed class DcvVirtualChannelsModule : IProtocolModule
{
    /// <inheritdoc />
    public string Protocol => "dcv-virtual-channels";

    /// <inheritdoc />
    public StepRegistry Steps { get; } = StepRegistry.FromNamespace(typeof(DcvVirtualChannelsModule).Assembly, typeof(DcvVirtualChannelsModule).Namespace!);

    /// <inheritdoc />
    public IReadOnlyList<CertifiableRole> Roles { get; } = [new DcvExtensionRole()];

    /// <inheritdoc />
    public void ConfigureReference(RunContext run) => new DcvExtensionCertification(DcvExtensionTarget.Reference()).Configure(run);
}

using Conformance.Engine.DcvVirtualChannels;
using Conformance.Engine.LauncherConnector;
using Conformance.Engine.Modules;
using Conformance.Engine.NamedPipes;
using Conformance.Engine.PipeMessaging;

namespace Conformance.Engine;

/// <summary>The one place protocols are registered: adding a protocol is a module of its own and a line here.</summary>
internal static class ProtocolModules
{
    /// <summary>Every protocol the suite knows.</summary>
    public static IReadOnlyList<IProtocolModule> All { get; } =
    [
        new LauncherConnectorModule(),
        new NamedPipesModule(),
        new PipeMessagingModule(),
        new DcvVirtualChannelsModule(),
    ];

    /// <summary>Every role an external executable can be certified as, across the protocols.</summary>
    public static IReadOnlyList<CertifiableRole> CertifiableRoles => All.SelectMany(module => module.Roles).ToList();
}

using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>
/// The broker's decision on a setup request, apart from any I/O so that a judge can reuse it: the namespace
/// (VC-08), the request's own fields, and the four-channel limit (VC-07), in that order.
/// </summary>
public static class VirtualChannelRules
{
    /// <summary>Decides a setup request.</summary>
    /// <param name="namespace">The requesting extension's namespace, from its manifest.</param>
    /// <param name="request">The request.</param>
    /// <param name="channelsHeld">Channels the extension holds now, established or pending.</param>
    /// <param name="holdsThisChannel">True when the extension holds the named channel already: setting it up again replaces it.</param>
    /// <param name="heldByAnotherParty">True when another party on the same side holds the named channel.</param>
    /// <param name="options">The limits.</param>
    public static SetupDecision DecideSetup(
        string? @namespace, SetupVirtualChannelRequest request, int channelsHeld, bool holdsThisChannel, bool heldByAnotherParty, DcvBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(@namespace))
        {
            return new(Response.Types.Status.ErrorInvalidVirtualChannelNamespaceInManifest,
                "the extension's manifest names no virtual_channel_namespace (VC-08)");
        }

        // VC-08 (Interpretation): the reserved namespace is refused whatever its case.
        if (string.Equals(@namespace, options.ReservedNamespace, StringComparison.OrdinalIgnoreCase))
        {
            return new(Response.Types.Status.ErrorInvalidVirtualChannelNamespaceInManifest,
                $"the namespace \"{@namespace}\" is reserved for DCV (VC-08)");
        }

        if (string.IsNullOrEmpty(request.VirtualChannelName))
        {
            return new(Response.Types.Status.ErrorInvalidParameter, "the request names no virtual channel");
        }

        if (request.RelayClientProcessId <= 0 || request.RelayClientProcessId > int.MaxValue)
        {
            return new(Response.Types.Status.ErrorInvalidParameter,
                $"relay_client_process_id {request.RelayClientProcessId} is not a process id (VC-15)");
        }

        if (heldByAnotherParty)
        {
            return new(Response.Types.Status.ErrorAccessDenied,
                $"the channel \"{request.VirtualChannelName}\" is held by another extension on this side");
        }

        // VC-07: four channels, established or pending; setting a held channel up again does not add one.
        if (!holdsThisChannel && channelsHeld >= options.MaxChannelsPerExtension)
        {
            return new(Response.Types.Status.ErrorTooManyVirtualChannels,
                $"the extension holds {channelsHeld} channels, established or pending; at most {options.MaxChannelsPerExtension} (VC-07)");
        }

        return new(Response.Types.Status.Success, holdsThisChannel
            ? $"the channel \"{request.VirtualChannelName}\" is set up anew; its earlier relay and token are void (VC-10)"
            : $"the channel \"{request.VirtualChannelName}\" is set up (VC-03)");
    }
}

using Conformance.Dcv.Framing;
using Conformance.Protocols.Framing;

namespace Conformance.DcvExtensionSdk;

/// <summary>How long an extension waits for DCV, and the control frames' limit.</summary>
public sealed record DcvExtensionClientOptions
{
    /// <summary>The options with every default.</summary>
    public static DcvExtensionClientOptions Default { get; } = new();

    /// <summary>How long a request waits for its response (default 30 s).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a channel waits for <c>VirtualChannelReadyEvent</c> once its relay is authenticated (default 60 s: the other party must set up too).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The control frames' format and limit (LE32, 16 MiB).</summary>
    public FrameOptions ControlFrames { get; init; } = ControlFraming.Default;

    /// <summary>The clock behind every timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

using Conformance.Dcv.Framing;
using Conformance.Protocols.Framing;

namespace Conformance.Reference.Dcv;

/// <summary>The reference DCV broker's settings: every timing and limit of the VC rules, with the catalog's defaults.</summary>
public sealed record DcvBrokerOptions
{
    /// <summary>The options with every default.</summary>
    public static DcvBrokerOptions Default { get; } = new();

    /// <summary>How long a relay connection may take to send its whole token (VC-06: 5 s).</summary>
    public TimeSpan TokenDeadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Channels an extension may hold, established or pending (VC-07: 4).</summary>
    public int MaxChannelsPerExtension { get; init; } = 4;

    /// <summary>The namespace no extension may use (VC-08: <c>dcv</c>, compared without regard to case).</summary>
    public string ReservedNamespace { get; init; } = "dcv";

    /// <summary>The control frames' format and limit (VC-01, VC-16: LE32, 16 MiB).</summary>
    public FrameOptions ControlFrames { get; init; } = ControlFraming.Default;

    /// <summary>How long one message to a party may wait for it to read; longer ends its session.</summary>
    public TimeSpan ControlWriteDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an extension may take to exit once its control channel is closed, before it is ended.</summary>
    public TimeSpan ExitDeadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Random bytes in an auth token.</summary>
    public int TokenBytes { get; init; } = 32;

    /// <summary>The clock behind every deadline.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

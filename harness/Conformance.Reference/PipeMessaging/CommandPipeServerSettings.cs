using Conformance.Protocols.Framing;

namespace Conformance.Reference.PipeMessaging;

/// <summary>The command-pipe server's timings and limits, each with the protocol's default.</summary>
public sealed record CommandPipeServerSettings
{
    /// <summary>How long an accepted client has to send its whole request (PM-C03). Default 3 s.</summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The most a write to a client may take before the client counts as gone.</summary>
    public TimeSpan WriteBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The payload limit (PM-F02's policy: 16 MiB by default).</summary>
    public FrameOptions Frames { get; init; } = FrameOptions.Default;
}

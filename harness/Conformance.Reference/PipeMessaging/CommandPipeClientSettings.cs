using Conformance.Protocols.Framing;

namespace Conformance.Reference.PipeMessaging;

/// <summary>The command-pipe client's timings and limits.</summary>
public sealed record CommandPipeClientSettings
{
    /// <summary>
    /// How long the client waits for its response: configurable, 30 s by default — well above the 10 s PM-C04 asks for,
    /// so a slow answer is never lost to scheduling on a busy machine.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most a write to the server may take before the connection counts as broken.</summary>
    public TimeSpan WriteBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The form of the client's requests: JSON unless told otherwise.</summary>
    public PayloadKind Form { get; init; } = PayloadKind.Json;

    /// <summary>The payload limit (PM-F02's policy: 16 MiB by default).</summary>
    public FrameOptions Frames { get; init; } = FrameOptions.Default;
}

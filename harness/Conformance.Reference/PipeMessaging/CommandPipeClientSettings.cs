using Conformance.Protocols.Framing;

namespace Conformance.Reference.PipeMessaging;

/// <summary>The command-pipe client's timings and limits.</summary>
public sealed record CommandPipeClientSettings
{
    /// <summary>The least default wait PM-C04 asks of a client: 10 s.</summary>
    public static readonly TimeSpan LeastDefaultResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long the client waits for its response (PM-C04: configurable, 10 s by default).</summary>
    public TimeSpan ResponseTimeout { get; init; } = LeastDefaultResponseTimeout;

    /// <summary>The most a write to the server may take before the connection counts as broken.</summary>
    public TimeSpan WriteBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The form of the client's requests: JSON unless told otherwise.</summary>
    public PayloadKind Form { get; init; } = PayloadKind.Json;

    /// <summary>The payload limit (PM-F02's policy: 16 MiB by default).</summary>
    public FrameOptions Frames { get; init; } = FrameOptions.Default;
}

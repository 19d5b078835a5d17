using Conformance.Protocols.Framing;

namespace Conformance.Reference.PipeMessaging;

/// <summary>The event-pipe client's timings and limits, each with the protocol's default.</summary>
public sealed record EventPipeClientSettings
{
    /// <summary>How long the handshake exchange may take before the instance disposes of itself (PM-E04). Default 3000 ms.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromMilliseconds(3000);

    /// <summary>How long to wait before trying again when the service's pipe refuses a connection. Default 100 ms.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most a write to the service may take before the connection counts as broken.</summary>
    public TimeSpan WriteBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The form of the client's own messages: JSON unless told otherwise.</summary>
    public PayloadKind Form { get; init; } = PayloadKind.Json;

    /// <summary>The payload limit (PM-F02's policy: 16 MiB by default).</summary>
    public FrameOptions Frames { get; init; } = FrameOptions.Default;
}

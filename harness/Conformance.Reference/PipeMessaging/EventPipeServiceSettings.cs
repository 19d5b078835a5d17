using Conformance.Protocols.Framing;

namespace Conformance.Reference.PipeMessaging;

/// <summary>The event-pipe service's timings and limits, each with the protocol's default.</summary>
public sealed record EventPipeServiceSettings
{
    /// <summary>How long a new client has to send its Handshake (PM-E02). Default 1000 ms.</summary>
    public TimeSpan HandshakeDeadline { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>How long without an event before the service checks the client with a Handshake (PM-E05). Default 1000 ms.</summary>
    public TimeSpan IdleInterval { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>How long the client has to answer that Handshake (PM-E05, interpretation). Default 1000 ms.</summary>
    public TimeSpan KeepAliveAnswerDeadline { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>How long an Event waits for its Confirmation (PM-E06, interpretation). Default 1000 ms.</summary>
    public TimeSpan ConfirmationDeadline { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>The most a write to a client may take before the client counts as gone.</summary>
    public TimeSpan WriteBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The payload limit (PM-F02's policy: 16 MiB by default).</summary>
    public FrameOptions Frames { get; init; } = FrameOptions.Default;
}

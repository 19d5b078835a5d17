namespace Conformance.Protocols.Framing;

/// <summary>
/// One step of reading frames: a whole payload, the clean end of the stream, or the fault that ends
/// reading. Faults are results rather than exceptions because a judge reports them and goes on.
/// </summary>
public sealed record FrameReadResult
{
    private FrameReadResult()
    {
    }

    /// <summary>1-based number of the frame this result is about; at the end, the number of frames read.</summary>
    public long FrameNumber { get; private init; }

    /// <summary>Stream offset of the frame's first header byte; at the end, the bytes the stream carried.</summary>
    public long Offset { get; private init; }

    /// <summary>The frame's payload; empty unless <see cref="IsFrame"/>.</summary>
    public ReadOnlyMemory<byte> Payload { get; private init; }

    /// <summary>What went wrong, when something did.</summary>
    public FrameError? Error { get; private init; }

    /// <summary>A sentence naming the frame, the offset and what arrived, when something went wrong.</summary>
    public string? Message { get; private init; }

    /// <summary>Bytes of this frame that arrived, header included.</summary>
    public long BytesReceived { get; private init; }

    /// <summary>The length the header claimed, once all four header bytes arrived.</summary>
    public long? DeclaredLength { get; private init; }

    /// <summary>True when the stream ended cleanly between frames.</summary>
    public bool IsEnd { get; private init; }

    /// <summary>True when a whole frame was read.</summary>
    public bool IsFrame => !IsEnd && Error is null;

    /// <summary>True when the peer broke no rule but asked for more than this receiver allows (PM-F02's policy).</summary>
    public bool IsResourceLimit => Error == FrameError.OverLimit;

    internal static FrameReadResult Frame(FramePosition position, byte[] payload) => new()
    {
        FrameNumber = position.FrameNumber,
        Offset = position.Offset,
        Payload = payload,
        BytesReceived = position.BytesReceived,
        DeclaredLength = position.DeclaredLength,
    };

    internal static FrameReadResult Final(FramePosition position, FrameFault? fault) => new()
    {
        FrameNumber = position.FrameNumber,
        Offset = position.Offset,
        IsEnd = fault is null,
        Error = fault?.Error,
        Message = fault?.Message,
        BytesReceived = position.BytesReceived,
        DeclaredLength = position.DeclaredLength,
    };
}

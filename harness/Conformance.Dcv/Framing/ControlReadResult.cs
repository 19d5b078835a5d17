using Google.Protobuf;

namespace Conformance.Dcv.Framing;

/// <summary>
/// One step of reading control frames: a whole message, the clean end of the stream, or the fault that ends
/// the session (VC-01). Faults are results rather than exceptions because a judge reports them and goes on.
/// </summary>
/// <typeparam name="TMessage"><see cref="Wire.ExtensionMessage"/> or <see cref="Wire.DcvMessage"/>.</typeparam>
public sealed class ControlReadResult<TMessage>
    where TMessage : class, IMessage<TMessage>
{
    private ControlReadResult()
    {
    }

    /// <summary>1-based number of the frame this result is about; at the end, the number of frames read.</summary>
    public long FrameNumber { get; private init; }

    /// <summary>Stream offset of the frame's first header byte; at the end, the bytes the stream carried.</summary>
    public long Offset { get; private init; }

    /// <summary>Bytes of this frame that arrived, header included.</summary>
    public long BytesReceived { get; private init; }

    /// <summary>The length the header claimed, once all four header bytes arrived.</summary>
    public long? DeclaredLength { get; private init; }

    /// <summary>The decoded message, when <see cref="IsMessage"/>.</summary>
    public TMessage? Message { get; private init; }

    /// <summary>What went wrong, when something did.</summary>
    public ControlFrameError? Error { get; private init; }

    /// <summary>A sentence naming the frame, the offset and what arrived, when something went wrong.</summary>
    public string? Description { get; private init; }

    /// <summary>True when the stream ended cleanly between frames.</summary>
    public bool IsEnd { get; private init; }

    /// <summary>True when a whole frame was read and its payload decoded.</summary>
    public bool IsMessage => Message is not null;

    /// <summary>True when the peer asked for more than this receiver allows rather than breaking the encoding.</summary>
    public bool IsResourceLimit => Error == ControlFrameError.OverLimit;

    internal static ControlReadResult<TMessage> Decoded(long number, long offset, long received, TMessage message) => new()
    {
        FrameNumber = number,
        Offset = offset,
        BytesReceived = received,
        DeclaredLength = received - 4,
        Message = message,
    };

    internal static ControlReadResult<TMessage> Final(long number, long offset, long received, long? declared, ControlFrameError? error, string? description) => new()
    {
        FrameNumber = number,
        Offset = offset,
        BytesReceived = received,
        DeclaredLength = declared,
        Error = error,
        Description = description,
        IsEnd = error is null,
    };
}

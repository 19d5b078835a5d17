namespace Conformance.Protocols.Framing;

/// <summary>
/// What one read of <see cref="FrameScanner"/> produced: a frame's place in the stream, and either its decoded
/// payload, the clean end, or the fault that ends reading.
/// </summary>
/// <typeparam name="T">What the decoder made of a payload.</typeparam>
internal readonly struct FrameStep<T>
{
    private FrameStep(FramePosition position, T? value, FrameFault? fault, bool isEnd)
    {
        Position = position;
        Value = value;
        Fault = fault;
        IsEnd = isEnd;
    }

    /// <summary>Which frame, where it started, and how many of its bytes arrived.</summary>
    public FramePosition Position { get; }

    /// <summary>The decoded payload when this is a frame.</summary>
    public T? Value { get; }

    /// <summary>What went wrong, when something did.</summary>
    public FrameFault? Fault { get; }

    /// <summary>True when the stream ended cleanly between frames.</summary>
    public bool IsEnd { get; }

    /// <summary>True when a whole frame was read and decoded.</summary>
    public bool IsFrame => !IsEnd && Fault is null;

    public static FrameStep<T> Frame(FramePosition position, T value) => new(position, value, null, isEnd: false);

    public static FrameStep<T> Final(FrameFinal final) => new(final.Position, default, final.Fault, final.Fault is null);
}

/// <summary>A frame's number (1-based), its first header byte's offset, the bytes of it that arrived, and its declared length.</summary>
/// <remarks>At the end of the stream: the number of frames read and the bytes the stream carried.</remarks>
internal readonly record struct FramePosition(long FrameNumber, long Offset, long BytesReceived, long? DeclaredLength);

/// <summary>Why reading frames stopped, in a sentence that names the frame, the offset and what arrived.</summary>
internal sealed record FrameFault(FrameError Error, string Message);

/// <summary>The outcome a scanner keeps returning once the stream has ended or failed.</summary>
internal sealed record FrameFinal(FramePosition Position, FrameFault? Fault);

namespace Conformance.Protocols.Framing;

/// <summary>The frame format, and the payload limit a frame reader holds its peer to and a frame writer holds itself to.</summary>
public sealed record FrameOptions
{
    /// <summary>The default limit for one payload: 16 MiB (the project's policy under PM-F02; VC-16's default for DCV).</summary>
    public const int DefaultMaxPayloadBytes = 16 * 1024 * 1024;

    private readonly int _maxPayloadBytes = DefaultMaxPayloadBytes;

    /// <summary>The options with every default.</summary>
    public static FrameOptions Default { get; } = new();

    /// <summary>The header's byte order and the meaning of a zero length; <see cref="FrameFormat.BigEndian32"/> unless set.</summary>
    public FrameFormat Format { get; init; } = FrameFormat.BigEndian32;

    /// <summary>The largest payload read or written; a larger legal length is refused as a resource limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, or above the largest array .NET can allocate.</exception>
    public int MaxPayloadBytes
    {
        get => _maxPayloadBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength);
            _maxPayloadBytes = value;
        }
    }
}

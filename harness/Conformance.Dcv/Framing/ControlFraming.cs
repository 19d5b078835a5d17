using Conformance.Protocols.Framing;
using Google.Protobuf;

namespace Conformance.Dcv.Framing;

/// <summary>The DCV control channel's framing (VC-01): a 4-byte little-endian length, then one protobuf message.</summary>
public static class ControlFraming
{
    /// <summary>LE32 frames with the default 16 MiB limit (VC-16).</summary>
    public static FrameOptions Default { get; } = new() { Format = FrameFormat.LittleEndian32 };

    /// <summary>LE32 frames with a limit of <paramref name="maxPayloadBytes"/>.</summary>
    public static FrameOptions WithLimit(int maxPayloadBytes) => Default with { MaxPayloadBytes = maxPayloadBytes };

    /// <summary>The bytes of one control frame carrying <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The encoded message is above the limit.</exception>
    public static byte[] Encode(IMessage message, FrameOptions? options = null)
    {
        // Stryker disable once Statement : protobuf refuses a null message with the same exception and parameter name
        ArgumentNullException.ThrowIfNull(message);
        return FrameWriter.Encode(message.ToByteArray(), Check(options));
    }

    internal static FrameOptions Check(FrameOptions? options)
    {
        options ??= Default;
        if (options.Format != FrameFormat.LittleEndian32)
        {
            throw new ArgumentException($"DCV control frames are LE32, not {options.Format}.", nameof(options));
        }

        return options;
    }
}

namespace Conformance.Protocols.Framing;

/// <summary>Why a stream of frames cannot be read any further; the receiver drops the connection.</summary>
public enum FrameError
{
    /// <summary>The length header is 0 where the format forbids it (PM-F06): a BE32 frame always carries a payload.</summary>
    ZeroLength,

    /// <summary>The length header has its top bit set (PM-F02): above 2,147,483,647.</summary>
    TopBitSet,

    /// <summary>A legal length above the receiver's configured limit: a resource limit, not a protocol error.</summary>
    OverLimit,

    /// <summary>The stream ended inside a length header (PM-F05).</summary>
    EndInHeader,

    /// <summary>The stream ended inside a payload (PM-F05); the partial payload is not delivered.</summary>
    EndInPayload,
}

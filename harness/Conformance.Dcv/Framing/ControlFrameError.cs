namespace Conformance.Dcv.Framing;

/// <summary>Why a stream of control frames cannot be read any further (VC-01): the session ends.</summary>
public enum ControlFrameError
{
    /// <summary>The length has its top bit set: above 2,147,483,647.</summary>
    TopBitSet,

    /// <summary>A length above the receiver's limit (default 16 MiB, VC-16), refused before any of it is read.</summary>
    OverLimit,

    /// <summary>The stream ended inside a length header.</summary>
    EndInHeader,

    /// <summary>The stream ended inside a payload; the partial message is not delivered.</summary>
    EndInPayload,

    /// <summary>The payload is not a valid protobuf encoding of the expected message.</summary>
    NotProtobuf,
}

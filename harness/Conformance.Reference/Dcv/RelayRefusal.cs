namespace Conformance.Reference.Dcv;

/// <summary>Why a relay connection was refused: closed having been sent no byte (VC-05, VC-06, VC-10).</summary>
public enum RelayRefusal
{
    /// <summary>Another process than the setup named opened it (VC-05, VC-10).</summary>
    WrongProcess,

    /// <summary>The platform could not tell which process opened it, so it cannot be the named one (VC-05).</summary>
    UnknownProcess,

    /// <summary>The bytes sent are not the token (VC-06).</summary>
    WrongToken,

    /// <summary>The token of an earlier setup: tokens are single-use (VC-10).</summary>
    EarlierToken,

    /// <summary>Part of a token, then the end of the stream or silence past the deadline (VC-06).</summary>
    ShortToken,

    /// <summary>No byte within the deadline, or the end of the stream at once (VC-06).</summary>
    NoToken,

    /// <summary>The relay's rightful client has already been admitted: the token is spent (VC-10).</summary>
    TokenSpent,
}

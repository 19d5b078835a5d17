namespace Conformance.Reference.Dcv;

/// <summary>Why a party's control session ended.</summary>
/// <param name="Reason">The kind of end.</param>
/// <param name="Description">A sentence saying what arrived where, or what the party failed to do.</param>
public sealed record SessionEnd(SessionEndReason Reason, string Description)
{
    /// <summary>True when the party broke the protocol (VC-01) or stopped reading.</summary>
    public bool IsViolation => Reason is SessionEndReason.MalformedFrame or SessionEndReason.NoRequest or SessionEndReason.StoppedReading;
}

/// <summary>The kinds of end of a control session.</summary>
public enum SessionEndReason
{
    /// <summary>The party closed its side of the control channel between frames.</summary>
    ControlChannelEnded,

    /// <summary>A control frame was truncated, over the limit, had the top bit set, or was not protobuf (VC-01).</summary>
    MalformedFrame,

    /// <summary>A frame decoded to an <c>ExtensionMessage</c> that carries no request (VC-01).</summary>
    NoRequest,

    /// <summary>The party did not read a message within the write deadline.</summary>
    StoppedReading,

    /// <summary>The broker stopped.</summary>
    Stopped,
}

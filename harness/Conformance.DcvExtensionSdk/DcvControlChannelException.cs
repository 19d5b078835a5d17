namespace Conformance.DcvExtensionSdk;

/// <summary>The control channel is over: DCV closed it, or sent a frame that breaks the protocol (VC-01).</summary>
public sealed class DcvControlChannelException : Exception
{
    /// <summary>Creates the exception with what happened.</summary>
    public DcvControlChannelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what happened and its cause.</summary>
    public DcvControlChannelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no details.</summary>
    public DcvControlChannelException()
    {
    }
}

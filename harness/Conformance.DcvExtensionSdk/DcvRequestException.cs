using Conformance.Dcv.Wire;

namespace Conformance.DcvExtensionSdk;

/// <summary>DCV answered a request with an error status. The extension may go on: the control channel is intact.</summary>
public sealed class DcvRequestException : Exception
{
    /// <summary>Creates the exception for a refused request.</summary>
    public DcvRequestException(string requestId, Response.Types.Status status, string what)
        : base($"DCV answered {what} (request {requestId}) with {status}.")
    {
        RequestId = requestId;
        Status = status;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DcvRequestException(string message)
        : base(message)
    {
        RequestId = "";
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DcvRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        RequestId = "";
    }

    /// <summary>Creates the exception with no details.</summary>
    public DcvRequestException()
    {
        RequestId = "";
    }

    /// <summary>The refused request's id.</summary>
    public string RequestId { get; }

    /// <summary>The status DCV answered.</summary>
    public Response.Types.Status Status { get; }
}

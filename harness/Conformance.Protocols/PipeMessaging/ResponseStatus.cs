namespace Conformance.Protocols.PipeMessaging;

/// <summary>How a request ended; the names are the wire strings.</summary>
public enum ResponseStatus
{
    /// <summary>The command was carried out; the response carries a <c>result</c>.</summary>
    Success,

    /// <summary>The command failed; the response carries a non-empty <c>error</c>.</summary>
    Error,
}

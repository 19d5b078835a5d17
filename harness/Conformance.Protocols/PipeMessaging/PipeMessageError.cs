namespace Conformance.Protocols.PipeMessaging;

/// <summary>Why a payload is not a Pipe Messaging message.</summary>
public enum PipeMessageError
{
    /// <summary>The payload's bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The payload is blank, or its first non-whitespace byte is neither <c>{</c> nor <c>&lt;</c> (PM-F03).</summary>
    NotJsonOrXml,

    /// <summary>The payload starts like JSON but is not valid JSON.</summary>
    InvalidJson,

    /// <summary>The payload starts like XML but is not well-formed XML (a DOCTYPE counts as not well-formed).</summary>
    InvalidXml,

    /// <summary>The JSON is not an object.</summary>
    NotAnObject,

    /// <summary><c>messageType</c> is missing or not a string, or the XML root element is in a namespace.</summary>
    BadMessageType,

    /// <summary><c>messageType</c> (or the XML root element) names none of the five messages.</summary>
    UnknownMessageType,

    /// <summary>A member the message requires is absent.</summary>
    MissingMember,

    /// <summary>A member has the wrong kind of value: a number for a string, text for an object, an attribute on an XML member.</summary>
    WrongType,

    /// <summary>A member has the right kind of value but not an allowed one: a GUID's form, a sender, a status, an empty error.</summary>
    BadValue,

    /// <summary>A member is present where it may not be: an error with Success, a result with Error, an XML element out of place.</summary>
    MemberNotAllowed,

    /// <summary>A member appears twice in the same object or element.</summary>
    DuplicateMember,
}

namespace Conformance.Protocols.PipeMessaging;

/// <summary>One message on a Pipe Messaging command or event pipe, whichever form (JSON or XML) carried it.</summary>
public abstract record PipeMessage
{
    private protected PipeMessage()
    {
    }

    /// <summary>The message's <c>messageType</c>, which is also the name of its XML form's root element.</summary>
    public abstract string MessageType { get; }
}

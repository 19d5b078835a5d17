namespace Conformance.Engine.NamedPipes;

/// <summary>What the scenario's server does with each client it accepts.</summary>
internal enum ServerBehaviour
{
    /// <summary>Keeps the connection for the steps to use.</summary>
    Hold,

    /// <summary>Writes <see cref="PipeBench.Greeting"/> at once, then closes the connection, freeing its instance.</summary>
    GreetThenClose,

    /// <summary>Writes back whatever the client writes, and keeps the connection.</summary>
    Echo,

    /// <summary>Reads one line, writes it back and closes the connection, freeing its instance.</summary>
    EchoLineThenClose,
}

namespace Conformance.Protocols.PipeMessaging;

/// <summary>Commands the harness sends to a service under test; they are the suite's convention, not the protocol's.</summary>
public static class ConformanceCommands
{
    /// <summary>
    /// Asks the service to emit an event on its event pipe, so event scenarios need no real traffic. Its
    /// parameters are <c>{ "eventType": …, "payload": … }</c>; see <see cref="EmitEventParameters"/>.
    /// </summary>
    public const string EmitEvent = "Conformance.EmitEvent";
}

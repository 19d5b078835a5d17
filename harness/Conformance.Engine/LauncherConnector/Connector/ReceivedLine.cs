using Conformance.Engine.Validation;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>One line the connector under test wrote, as judged when it arrived.</summary>
/// <param name="Line">The bytes and their defects.</param>
/// <param name="At">When it arrived, from the connector's start.</param>
/// <param name="Parsed">The event, or why it is not one; null when the line is not text.</param>
/// <param name="SchemaIssues">How it breaks the CustomConnectorEvent schema; empty when valid.</param>
/// <param name="ProcessAlive">For an event with a processId: whether that process was running when the event arrived.</param>
internal sealed record ReceivedLine(LineReadResult Line, TimeSpan At, EventParseResult? Parsed, IReadOnlyList<SchemaIssue> SchemaIssues, bool? ProcessAlive)
{
    /// <summary>The event, when the line is one.</summary>
    public CustomConnectorEvent? Event => Parsed?.Event;
}

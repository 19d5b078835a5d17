using System.Text.Json.Nodes;
using Conformance.Engine.Documentation.Diagrams;

namespace Conformance.Engine.LauncherConnector;

/// <summary>
/// How the Launcher ↔ connector transcripts are drawn: the appliance, the Launcher, the connector and the remote
/// client it starts. "sent" is always the Launcher's configuration line and "received" a connector's line,
/// whichever side the harness plays; the Launcher's journal entries are notes on the party they concern.
/// </summary>
internal static class LauncherConnectorParties
{
    private const string Appliance = "appliance";
    private const string Launcher = "Launcher";
    private const string Connector = "connector";
    private const string RemoteClient = "remote client";

    public static TranscriptParties Table { get; } = TranscriptParties.Generic
        .WithParties(Appliance, Launcher, Connector, RemoteClient)
        .With("sent", entry => SequenceStep.Message(Launcher, Connector, entry["line"] is JsonObject ? "ConnectionConfiguration" : $"not JSON: {Text(entry, "line")}"))
        .With("received", entry => SequenceStep.Message(Connector, Launcher, Received(entry)))
        .With("session-event", SessionEvent)
        .With("states", entry => SequenceStep.Note(Appliance, $"login {Text(entry, "login")}, session {Text(entry, "session")}"))
        .With("connector-started", entry => SequenceStep.Action(Launcher, Connector, Text(entry, "pipe") switch
        {
            "none" => "starts it, without VSI_IPC_PIPE_NAME",
            "" => $"starts {Text(entry, "processId")}",
            _ => "starts it, pipe in VSI_IPC_PIPE_NAME",
        }))
        .With("not-started", entry => SequenceStep.Note(Connector, $"not started: {Text(entry, "reason")}"))
        .With("connected", _ => SequenceStep.Action(Connector, Launcher, "connects to the pipe"))
        .With("no-connection", entry => SequenceStep.Note(Connector, $"never connects: {Text(entry, "reason")}"))
        .With("launcher-closed-pipe", _ => SequenceStep.Action(Launcher, Connector, "closes the pipe"))
        .With("remote-client-ended", entry => SequenceStep.Action(Launcher, RemoteClient, $"ends {Text(entry, "processId")}"))
        .With("connector-exited", entry => SequenceStep.Note(Connector, $"exits, code {Text(entry, "exitCode")}"))
        .With("pipe-listening", entry => SequenceStep.Note(Launcher, $"listens on {Text(entry, "pipe")}"))
        .With("tracker-started", _ => SequenceStep.Note(Launcher, "starts the session tracker"))
        .With("client-admitted", entry => SequenceStep.Note(Launcher, $"admits the client: {Text(entry, "reason")}"))
        .With("client-refused", entry => SequenceStep.Note(Launcher, $"refuses a client: {Text(entry, "reason")}"))
        .With("rejected", entry => SequenceStep.Note(Launcher, $"rejects line {Text(entry, "number")}: {Text(entry, "reason")}"))
        .With("noted", entry => SequenceStep.Note(Launcher, $"line {Text(entry, "number")}: {Text(entry, "note")}"))
        .With("tracking", entry => SequenceStep.Note(Launcher, EntryText.Field(entry, "replaced") is { } replaced
            ? $"tracks {Text(entry, "processId")} instead of {replaced}"
            : $"tracks {Text(entry, "processId")}"))
        .With("tracked-process-exited", entry => SequenceStep.Note(RemoteClient, $"{Text(entry, "processId")} exits"))
        .With("withheld", entry => SequenceStep.Note(Launcher, $"withholds {Text(entry, "event")}: {Text(entry, "reason")}"))
        .With("legacy-delay", entry => SequenceStep.Note(Launcher, $"waits {Text(entry, "seconds")} s to post ConnectionEnded ({Text(entry, "cause")})"))
        .With("pipe-closed", entry => SequenceStep.Note(Launcher, $"pipe closed: {Text(entry, "reason")}"))
        .With("fault", entry => SequenceStep.Note(Launcher, $"fault: {Text(entry, "error")}"));

    private static string Text(JsonObject entry, string member) => EntryText.Field(entry, member) ?? "";

    private static string Received(JsonObject entry)
    {
        var line = entry["line"];
        var text = line is JsonObject message && EntryText.Field(message, "eventType") is { } eventType
            ? EntryText.Field(message, "message") is { Length: > 0 } said ? $"{eventType} “{said}”" : eventType
            : $"not an event: {EntryText.Of(line)}";
        return entry["defects"] is JsonArray { Count: > 0 } defects ? $"{text} [{string.Join(", ", defects.Select(EntryText.Of))}]" : text;
    }

    // The appliance times a session out on its own; everything else the Launcher posts to it.
    private static SequenceStep SessionEvent(JsonObject entry)
    {
        var label = EntryText.Field(entry, "message") is { Length: > 0 } message ? $"{Text(entry, "event")} “{message}”" : Text(entry, "event");
        return Text(entry, "by") == Appliance ? SequenceStep.Note(Appliance, $"{label} (by the appliance)") : SequenceStep.Message(Launcher, Appliance, label);
    }
}

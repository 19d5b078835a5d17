using System.Text.Json.Nodes;
using Conformance.Engine.Snapshots;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>Writes the reference Launcher's journal into a scenario's transcript, one entry per journal entry.</summary>
internal static class JournalTranscript
{
    /// <summary>Adds every entry of <paramref name="journal"/>, timed from <paramref name="start"/>.</summary>
    public static void Write(LauncherJournal journal, Transcript transcript, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(transcript);
        foreach (var entry in journal.Entries)
        {
            var (kind, fields) = Describe(entry);
            RegisterProcessIds(fields, transcript);
            transcript.Add(kind, fields, entry.At - start);
        }
    }

    private static void RegisterProcessIds(JsonNode? node, Transcript transcript)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "processId" && value is JsonValue number && number.TryGetValue<int>(out var pid))
                    {
                        transcript.RegisterProcessId(pid);
                    }

                    RegisterProcessIds(value, transcript);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RegisterProcessIds(item, transcript);
                }

                break;
            default:
                break;
        }
    }

    private static (string Kind, JsonObject Fields) Describe(LauncherJournalEntry entry) => entry switch
    {
        PipeListening e => ("pipe-listening", new JsonObject { ["pipe"] = e.PipeName }),
        SessionTrackerStarted => ("tracker-started", []),
        ConnectorProcessStarted e => ("connector-started", new JsonObject { ["processId"] = e.ProcessId }),
        ClientAdmitted e => ("client-admitted", new JsonObject { ["reason"] = e.Reason }),
        ClientRefused e => ("client-refused", new JsonObject { ["reason"] = e.Reason }),
        ConfigurationSent e => ("sent", new JsonObject { ["line"] = JsonNode.Parse(e.MaskedLine) }),
        LineReceived e => ("received", new JsonObject { ["number"] = e.Line.Number, ["line"] = TranscriptLine.Content(e.Line, 200), ["defects"] = TranscriptLine.Defects(e.Line) }),
        LineRejected e => ("rejected", new JsonObject { ["number"] = e.LineNumber, ["reason"] = e.Reason, ["bytes"] = e.Excerpt }),
        LineNoted e => ("noted", new JsonObject { ["number"] = e.LineNumber, ["note"] = e.Note }),
        SessionEventPosted e => ("session-event", SessionEvent(e.Event)),
        StatesChanged e => ("states", new JsonObject
        {
            ["login"] = StateNames.Of(e.After.Login),
            ["session"] = StateNames.Of(e.After.Session),
            ["cause"] = e.Cause,
        }),
        TrackingStarted e => ("tracking", new JsonObject { ["processId"] = e.ProcessId, ["replaced"] = e.ReplacedProcessId }),
        TrackedProcessExited e => ("tracked-process-exited", new JsonObject { ["processId"] = e.ProcessId }),
        PostingWithheld e => ("withheld", new JsonObject { ["event"] = e.Kind.ToString(), ["reason"] = e.Reason }),
        LegacyDelayStarted e => ("legacy-delay", new JsonObject { ["seconds"] = e.Delay.TotalSeconds, ["cause"] = e.Cause }),
        PipeClosed e => ("pipe-closed", new JsonObject { ["reason"] = e.Reason }),
        LauncherFault e => ("fault", new JsonObject { ["error"] = e.Error }),
        _ => (entry.GetType().Name, []),
    };

    private static JsonObject SessionEvent(PostedSessionEvent posted)
    {
        var fields = new JsonObject { ["event"] = posted.Kind.ToString(), ["by"] = posted.ByAppliance ? "appliance" : "launcher" };
        if (posted.Message is not null)
        {
            fields["message"] = posted.Message;
        }

        return fields;
    }
}

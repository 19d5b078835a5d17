using System.Text.Json;

namespace Conformance.Protocols.LauncherConnector;

/// <summary>
/// Reads a connector line with the catalog's strictness: case-sensitive member names, <c>eventType</c> one
/// of four strings (never a number), <c>message</c> a required string, <c>processId</c> absent, null or an
/// integer. Members it does not know are listed, not rejected.
/// </summary>
public static class CustomConnectorEventParser
{
    private static readonly HashSet<string> KnownMembers = ["eventType", "message", "processId"];

    // Exact, ordinal names only: Enum.TryParse would also take "1", " Custom" and "Custom,Custom".
    private static readonly Dictionary<string, CustomConnectorEventType> EventTypesByName =
        Enum.GetValues<CustomConnectorEventType>().ToDictionary(type => type.ToString(), StringComparer.Ordinal);

    /// <summary>Parses <paramref name="line"/> (one line without its LF).</summary>
    public static EventParseResult Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return EventParseResult.Fail(EventParseError.InvalidJson, $"not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return EventParseResult.Fail(EventParseError.NotAnObject, $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            if (!root.TryGetProperty("eventType", out var eventType) || eventType.ValueKind != JsonValueKind.String)
            {
                return EventParseResult.Fail(EventParseError.BadEventType, "eventType is missing or not a string");
            }

            var typeName = eventType.GetString()!;
            if (!EventTypesByName.TryGetValue(typeName, out var type))
            {
                return EventParseResult.Fail(EventParseError.UnknownEventType, $"eventType \"{typeName}\" is not one of {string.Join(", ", Enum.GetNames<CustomConnectorEventType>())}");
            }

            if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
            {
                return EventParseResult.Fail(EventParseError.BadMessage, "message is missing or not a string");
            }

            int? processId = null;
            if (root.TryGetProperty("processId", out var pid) && pid.ValueKind != JsonValueKind.Null)
            {
                if (pid.ValueKind != JsonValueKind.Number || !pid.TryGetInt32(out var value) || value < 0)
                {
                    return EventParseResult.Fail(EventParseError.BadProcessId, $"processId {pid.GetRawText()} is not null or a process id");
                }

                processId = value;
            }

            var unknown = root.EnumerateObject().Select(member => member.Name).Where(name => !KnownMembers.Contains(name)).ToList();
            return new EventParseResult(new CustomConnectorEvent(type, message.GetString()!, processId), null, null, unknown);
        }
    }

}

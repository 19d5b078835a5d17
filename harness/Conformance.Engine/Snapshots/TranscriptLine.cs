using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Protocols.Lines;

namespace Conformance.Engine.Snapshots;

/// <summary>How a line read from a pipe appears in a transcript, whichever side read it.</summary>
internal static class TranscriptLine
{
    /// <summary>The line as JSON when its text is JSON, so a transcript reads as messages; otherwise an excerpt of at most <paramref name="maxChars"/>.</summary>
    public static JsonNode Content(LineReadResult line, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Text is { } text)
        {
            try
            {
                if (JsonNode.Parse(text) is { } json)
                {
                    return json;
                }
            }
            catch (JsonException)
            {
                // Not JSON: shown as text.
            }
        }

        return JsonValue.Create(line.Excerpt(maxChars));
    }

    /// <summary>The line's defects by name.</summary>
    public static JsonArray Defects(LineReadResult line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new JsonArray(line.Defects.Select(defect => (JsonNode)defect.ToString()).ToArray());
    }
}

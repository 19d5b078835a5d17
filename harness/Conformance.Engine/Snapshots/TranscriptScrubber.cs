using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Protocols.Secrets;

namespace Conformance.Engine.Snapshots;

/// <summary>
/// Makes a transcript comparable across runs, the way Verify scrubs: GUIDs, process ids, pipe names and
/// timings become counters in order of first appearance (<c>Guid_1</c>, <c>Pid_1</c>, <c>Pipe_1</c>,
/// <c>Time_1</c>), and secrets become <c>***</c>. Timings from a manual clock are exact and repeatable, so
/// they stay as they are; real timings get one counter per entry, since two entries may or may not share
/// a millisecond from one run to the next.
/// </summary>
internal sealed partial class TranscriptScrubber(SecretMask secrets, IEnumerable<int> processIds, IEnumerable<string> pipeNames)
{
    private static readonly HashSet<string> ProcessIdMembers = new(StringComparer.Ordinal) { "processId", "pid", "clientProcessId" };

    private readonly Dictionary<string, string> _guids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _times = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _pids = [];
    private readonly Dictionary<string, string> _pipes = new(StringComparer.Ordinal);
    private readonly HashSet<long> _knownPids = processIds.Select(pid => (long)pid).ToHashSet();
    private readonly List<string> _knownPipes = pipeNames.OrderByDescending(name => name.Length).ToList();
    private bool _realClock;

    /// <summary>A scrubbed copy of <paramref name="document"/>.</summary>
    public JsonNode Scrub(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _realClock = document is JsonObject root && root["clock"]?.GetValue<string>() != "manual";
        return Walk(document.DeepClone(), memberName: null)!;
    }

    private JsonNode? Walk(JsonNode? node, string? memberName)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(pair => pair.Key).ToList())
                {
                    var child = obj[name];
                    var scrubbed = Walk(child, name);
                    if (!ReferenceEquals(child, scrubbed))
                    {
                        obj[name] = scrubbed;
                    }
                }

                return obj;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    var child = array[index];
                    var scrubbed = Walk(child, memberName);
                    if (!ReferenceEquals(child, scrubbed))
                    {
                        array[index] = scrubbed;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return memberName switch
                {
                    "at" when _realClock => Counter(_times, $"{_times.Count}", "Time"),
                    "at" => text,
                    _ => ScrubText(text),
                };
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && memberName is not null && ProcessIdMembers.Contains(memberName):
                return value.TryGetValue<long>(out var pid) || value.TryGetValue<int>(out var small) && (pid = small) >= 0
                    ? Counter(_pids, pid, "Pid")
                    : value;
            default:
                return node;
        }
    }

    private string ScrubText(string text)
    {
        text = secrets.Apply(text);
        text = GuidPattern().Replace(text, match => Counter(_guids, match.Value, "Guid"));
        foreach (var pipe in _knownPipes)
        {
            if (text.Contains(pipe, StringComparison.Ordinal))
            {
                text = text.Replace(pipe, Counter(_pipes, pipe, "Pipe"), StringComparison.Ordinal);
            }
        }

        if (_knownPids.Count > 0)
        {
            text = NumberPattern().Replace(text, match =>
                long.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && _knownPids.Contains(number)
                    ? Counter(_pids, number, "Pid")
                    : match.Value);
        }

        return text;
    }

    private static string Counter<TKey>(Dictionary<TKey, string> seen, TKey key, string prefix)
        where TKey : notnull
    {
        if (!seen.TryGetValue(key, out var name))
        {
            name = $"{prefix}_{seen.Count + 1}";
            seen[key] = name;
        }

        return name;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("(?<![0-9A-Za-z_])[0-9]+(?![0-9A-Za-z_])")]
    private static partial Regex NumberPattern();
}

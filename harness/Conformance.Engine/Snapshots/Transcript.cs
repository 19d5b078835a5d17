using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Snapshots;

/// <summary>
/// What happened in a scenario, in order: messages both ways, state changes, session events, notes. The
/// drivers write it; reports show it with secrets masked, and snapshots compare it scrubbed.
/// </summary>
internal sealed class Transcript
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _entries = [];
    private readonly HashSet<int> _processIds = [];
    private readonly HashSet<string> _pipeNames = new(StringComparer.Ordinal);
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private Func<TimeSpan> _elapsed;

    /// <summary>Creates an empty transcript timed by the real clock until <see cref="UseClock"/> says otherwise.</summary>
    public Transcript() => _elapsed = () => _stopwatch.Elapsed;

    /// <summary>The entries so far (copies).</summary>
    public IReadOnlyList<JsonObject> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.Select(entry => (JsonObject)entry.DeepClone()).ToList();
            }
        }
    }

    /// <summary>Process ids seen, scrubbed to <c>Pid_n</c> in snapshots.</summary>
    public IReadOnlyCollection<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return _processIds.ToList();
            }
        }
    }

    /// <summary>Pipe names used, scrubbed to <c>Pipe_n</c> in snapshots.</summary>
    public IReadOnlyCollection<string> PipeNames
    {
        get
        {
            lock (_gate)
            {
                return _pipeNames.ToList();
            }
        }
    }

    /// <summary>True unless a manual clock times the entries; real timings vary from run to run.</summary>
    public bool UsesRealClock { get; private set; } = true;

    /// <summary>Times entries by <paramref name="elapsed"/>, such as a manual clock's, whose timings are exact and repeatable.</summary>
    public void UseClock(Func<TimeSpan> elapsed)
    {
        _elapsed = elapsed;
        UsesRealClock = false;
    }

    /// <summary>Adds an entry of kind <paramref name="kind"/> with <paramref name="fields"/>.</summary>
    public void Add(string kind, JsonObject? fields = null) => Add(kind, fields, _elapsed());

    /// <summary>Adds an entry that happened at <paramref name="at"/> (time since the scenario began).</summary>
    public void Add(string kind, JsonObject? fields, TimeSpan at)
    {
        var entry = new JsonObject
        {
            ["at"] = Format(at),
            ["kind"] = kind,
        };
        foreach (var (name, value) in fields ?? [])
        {
            entry[name] = value?.DeepClone();
        }

        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>Appends every entry of <paramref name="other"/>, with its process ids and pipe names, keeping its timings.</summary>
    public void Append(Transcript other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var entries = other.Entries;
        var processIds = other.ProcessIds;
        var pipeNames = other.PipeNames;
        lock (_gate)
        {
            _entries.AddRange(entries);
            _processIds.UnionWith(processIds);
            _pipeNames.UnionWith(pipeNames);
        }
    }

    /// <summary>Marks <paramref name="processId"/> as a process id wherever it appears.</summary>
    public void RegisterProcessId(int processId)
    {
        lock (_gate)
        {
            _processIds.Add(processId);
        }
    }

    /// <summary>Marks <paramref name="pipeName"/> as a pipe name wherever it appears.</summary>
    public void RegisterPipeName(string pipeName)
    {
        lock (_gate)
        {
            _pipeNames.Add(pipeName);
        }
    }

    /// <summary>The whole transcript as one JSON document.</summary>
    public JsonObject ToJson(string scenario) => new()
    {
        ["scenario"] = scenario,
        ["clock"] = UsesRealClock ? "real" : "manual",
        ["entries"] = new JsonArray(Entries.Select(entry => (JsonNode)entry).ToArray()),
    };

    private static string Format(TimeSpan elapsed) => "+" + elapsed.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}

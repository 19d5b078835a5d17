using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Situations;

/// <summary>
/// What one run of an act observed — the executable under test started, driven and ended — shared by every
/// scenario that sets up the same situation. The act writes it; scenarios only read it, and each copies its
/// transcript, notes and attachments into its own report, so reports stay per scenario.
/// </summary>
internal sealed class Recording
{
    private readonly Lock _gate = new();
    private readonly List<string> _notes = [];
    private readonly List<string> _secrets = [];
    private readonly List<RecordedWait> _waits = [];
    private readonly Dictionary<string, string> _attachments = new(StringComparer.Ordinal);

    /// <summary>Creates the recording of <paramref name="situation"/>.</summary>
    public Recording(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        Situation = situation;
    }

    /// <summary>The situation recorded.</summary>
    public Situation Situation { get; }

    /// <summary>What happened, in order.</summary>
    public Transcript Transcript { get; } = new();

    /// <summary>How long the act took, from its start to the end of its processes.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>
    /// Why this run cannot be trusted to show the executable as it is, through no fault of the executable: the harness
    /// could not keep its own script's time (a busy machine). Null for a steady run. The engine runs the act again.
    /// </summary>
    public string? Unsteady { get; private set; }

    /// <summary>Marks the run unsteady, saying why.</summary>
    public void MarkUnsteady(string why) => Locked(() => Unsteady ??= why);

    /// <summary>Observations that change no outcome.</summary>
    public IReadOnlyList<string> Notes => Locked(() => _notes.ToList());

    /// <summary>Values that must never be written out.</summary>
    public IReadOnlyList<string> Secrets => Locked(() => _secrets.ToList());

    /// <summary>What the act waited for, and how long.</summary>
    public IReadOnlyList<RecordedWait> Waits => Locked(() => _waits.ToList());

    /// <summary>Named texts for the report, such as a process's standard error.</summary>
    public IReadOnlyDictionary<string, string> Attachments => Locked(() => new Dictionary<string, string>(_attachments));

    /// <summary>Records an observation.</summary>
    public void Note(string note) => Locked(() =>
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    });

    /// <summary>Keeps a named text for the report.</summary>
    public void Attach(string name, string text) => Locked(() => _attachments[name] = text);

    /// <summary>Registers values that must be masked wherever the harness writes.</summary>
    public void RegisterSecrets(IEnumerable<string> secrets) => Locked(() => _secrets.AddRange(secrets.Where(secret => secret.Length > 0)));

    /// <summary>Records that the act waited for <paramref name="what"/>.</summary>
    public void Waited(RecordedWait wait) => Locked(() => _waits.Add(wait));

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}

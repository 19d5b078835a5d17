using Conformance.Engine.Gherkin;
using Conformance.Engine.Situations;
using Conformance.Engine.Snapshots;
using Conformance.Protocols.Secrets;

namespace Conformance.Engine.Running;

/// <summary>
/// What the steps of one scenario share: the scenario, its cancellation, its transcript, the violations and
/// notes found so far, and the secrets that must never be written out.
/// </summary>
internal sealed class ScenarioContext
{
    private readonly Lock _gate = new();
    private readonly List<Violation> _violations = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _secrets = [];
    private readonly Dictionary<string, string> _attachments = new(StringComparer.Ordinal);
    private readonly List<Recording> _recordings = [];

    /// <summary>Creates the context of <paramref name="scenario"/>.</summary>
    public ScenarioContext(CompiledScenario scenario, CancellationToken cancellation)
    {
        Scenario = scenario;
        Cancellation = cancellation;
    }

    /// <summary>The scenario being run.</summary>
    public CompiledScenario Scenario { get; }

    /// <summary>Cancelled when the scenario's time is up or the run is stopped.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The scenario's transcript.</summary>
    public Transcript Transcript { get; } = new();

    /// <summary>The scenario's place in the run's parallelism, when a run schedules it; null otherwise.</summary>
    public RunSlot? Slot { get; init; }

    /// <summary>The shared recordings this scenario judged, in the order its steps took them in.</summary>
    public IReadOnlyList<Recording> Recordings
    {
        get
        {
            lock (_gate)
            {
                return _recordings.ToList();
            }
        }
    }

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<Violation> Violations
    {
        get
        {
            lock (_gate)
            {
                return _violations.ToList();
            }
        }
    }

    /// <summary>Observations that change no outcome.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_gate)
            {
                return _notes.ToList();
            }
        }
    }

    /// <summary>Named texts for the report, such as a process's standard error (masked when written).</summary>
    public IReadOnlyDictionary<string, string> Attachments
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_attachments);
            }
        }
    }

    /// <summary>The mask for every secret registered so far.</summary>
    public SecretMask Mask
    {
        get
        {
            lock (_gate)
            {
                return new SecretMask(_secrets);
            }
        }
    }

    /// <summary>Records a violation and lets the scenario go on.</summary>
    public void Violate(string requirement, string expected, string actual)
    {
        lock (_gate)
        {
            _violations.Add(new Violation(requirement, expected, actual));
        }
    }

    /// <summary>Records a violation of each of the scenario's requirements (see <see cref="CompiledScenario.JudgedRequirements"/>).</summary>
    /// <param name="expected">What should have held.</param>
    /// <param name="actual">What was observed.</param>
    /// <param name="hard">True when it fails whatever the requirements' level (a broken step, a snapshot that differs).</param>
    public void ViolateScenarioRequirements(string expected, string actual, bool hard = false)
    {
        foreach (var requirement in Scenario.JudgedRequirements)
        {
            Add(new Violation(requirement, expected, actual, hard));
        }
    }

    /// <summary>Unless <paramref name="holds"/>, records a violation of each of the scenario's requirements: one check serves every rule its scenario is tagged with.</summary>
    /// <param name="holds">Whether the check passed.</param>
    /// <param name="expected">What should have held.</param>
    /// <param name="actual">What was observed, computed only when the check failed.</param>
    public void Expect(bool holds, string expected, Func<string> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (!holds)
        {
            ViolateScenarioRequirements(expected, actual());
        }
    }

    /// <summary>Records every violation a judge found, letting the scenario go on.</summary>
    public void Report(IEnumerable<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        foreach (var violation in violations)
        {
            Add(violation);
        }
    }

    /// <summary>Records a violation found by the runner itself (a broken step, a snapshot).</summary>
    internal void Add(Violation violation)
    {
        lock (_gate)
        {
            _violations.Add(violation);
        }
    }

    /// <summary>Records an observation; notes are reported but never change an outcome.</summary>
    public void Note(string note)
    {
        lock (_gate)
        {
            if (!_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }
    }

    /// <summary>Keeps a named text for the report.</summary>
    public void Attach(string name, string text)
    {
        lock (_gate)
        {
            _attachments[name] = text;
        }
    }

    /// <summary>
    /// Takes a shared recording in: its transcript is appended to the scenario's, and its notes, attachments and
    /// secrets become the scenario's, so the scenario's report shows what it judged.
    /// </summary>
    public void Use(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        Transcript.Append(recording.Transcript);
        RegisterSecrets(recording.Secrets);
        foreach (var note in recording.Notes)
        {
            Note(note);
        }

        lock (_gate)
        {
            _recordings.Add(recording);
            foreach (var (name, text) in recording.Attachments)
            {
                // A second recording's output sits beside the first's, named for its situation.
                _attachments[_attachments.ContainsKey(name) ? $"{name} ({recording.Situation.Name})" : name] = text;
            }
        }
    }

    /// <summary>Registers values that must be masked wherever the harness writes.</summary>
    public void RegisterSecrets(IEnumerable<string> secrets)
    {
        lock (_gate)
        {
            _secrets.AddRange(secrets.Where(secret => secret.Length > 0));
        }
    }
}

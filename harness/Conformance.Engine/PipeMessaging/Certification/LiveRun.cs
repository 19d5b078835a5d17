using System.Diagnostics;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Situations;

namespace Conformance.Engine.PipeMessaging.Certification;

/// <summary>
/// What one run of an executable under test showed, in real time: every connection the harness held with it
/// (each a log of frames both ways), the moments the script marked, the events it asked for, and how the
/// process ended. Shared by every scenario that sets up the same act; the judges read it.
/// </summary>
internal sealed class LiveRun(Recording recording, PipeRoleTarget target) : IRecorded
{
    private readonly Lock _gate = new();
    private readonly List<FramePeer> _peers = [];
    private readonly Dictionary<string, TimeSpan> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _events = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Recording Recording => recording;

    /// <summary>The executable under test.</summary>
    public PipeRoleTarget Target => target;

    /// <summary>Started when the act started: every time in the run is measured from it.</summary>
    public Stopwatch Origin { get; } = Stopwatch.StartNew();

    /// <summary>Why the act could not show what its scenarios judge: the executable never became ready, never connected, or cannot emit events.</summary>
    public string? Missing { get; set; }

    /// <summary>The process's exit code, when it exited of its own accord.</summary>
    public int? ExitCode { get; set; }

    /// <summary>When the process exited of its own accord.</summary>
    public TimeSpan? ExitedAt { get; set; }

    /// <summary>How late the harness's own timers ran during the act, at worst: its own measuring error on a loaded machine.</summary>
    public TimeSpan HarnessLag { get; set; }

    /// <summary>
    /// The tolerance timings are judged with: the target's, widened on both sides by the harness's own lag (see
    /// <see cref="Widening"/>), since the harness cannot time anything more finely than it is itself scheduled.
    /// </summary>
    public Tolerance Tolerance => new(target.Tolerance.Late + Widening, target.Tolerance.Early + Widening);

    /// <summary>
    /// How much the harness's lag widens the tolerance: all of it, up to the late tolerance itself, so that on a very busy
    /// machine a rule is still judged rather than waved through.
    /// </summary>
    public TimeSpan Widening => HarnessLag < target.Tolerance.Late ? HarnessLag : target.Tolerance.Late;

    /// <summary>Every connection, in the order they were made.</summary>
    public IReadOnlyList<FramePeer> Peers
    {
        get
        {
            lock (_gate)
            {
                return _peers.ToList();
            }
        }
    }

    /// <summary>The connection named <paramref name="name"/>, if there was one.</summary>
    public FramePeer? Peer(string name) => Peers.FirstOrDefault(peer => peer.Name == name);

    /// <summary>When the script marked <paramref name="name"/>, if it did.</summary>
    public TimeSpan? Mark(string name)
    {
        lock (_gate)
        {
            return _marks.TryGetValue(name, out var at) ? at : null;
        }
    }

    /// <summary>The eventId the service gave the event labelled <paramref name="label"/>.</summary>
    public Guid? EventId(string label)
    {
        lock (_gate)
        {
            return _events.TryGetValue(label, out var id) ? id : null;
        }
    }

    /// <summary>The labels of every event asked for.</summary>
    public IReadOnlyDictionary<string, Guid> Events
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, Guid>(_events);
            }
        }
    }

    internal void Add(FramePeer peer)
    {
        lock (_gate)
        {
            _peers.Add(peer);
        }
    }

    internal void MarkAt(string name, TimeSpan at)
    {
        lock (_gate)
        {
            _marks[name] = at;
        }
    }

    internal void Emitted(string label, Guid eventId)
    {
        lock (_gate)
        {
            _events[label] = eventId;
        }
    }
}

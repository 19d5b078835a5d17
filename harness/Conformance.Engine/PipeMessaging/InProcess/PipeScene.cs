using System.Text.Json.Nodes;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Running;
using Conformance.Engine.Timing;
using Conformance.Engine.Validation;
using Conformance.Protocols.Threading;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess;

/// <summary>
/// The stage of a manual-clock scenario: the clock, the in-memory pipes, the scripted ends the harness plays,
/// and the reference roles under test. After every scripted step and every timer the clock fires, it waits
/// until nothing is in flight — every role idle, every pipe's reader settled — so each step is judged on a
/// settled world and a 3000 ms time-out costs nothing. When the scenario ends, the wire and the roles'
/// journals become its transcript, and every message the roles sent is checked against the schema (PM-F03).
/// </summary>
internal sealed class PipeScene : IAsyncDisposable
{
    /// <summary>How long the world may take to settle, in real time: a safety bound, never a timing of the protocol.</summary>
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(10);

    private readonly ScenarioContext _context;
    private readonly SchemaSet _schemas;
    private readonly ChangeSignal _settled = new();
    private readonly List<MemoryPipeEnd> _ends = [];
    private readonly List<FramePeer> _peers = [];
    private readonly List<(string Name, PipeJournal Journal, Func<Task> WhenIdle, Func<bool> IsIdle, Func<ValueTask> Dispose)> _roles = [];
    private readonly Lock _gate = new();

    public PipeScene(ScenarioContext context, SchemaSet schemas)
    {
        _context = context;
        _schemas = schemas;
        context.Transcript.UseClock(() => Clock.Elapsed);
        Clock.AddQuietProbe(QuietAsync);
    }

    /// <summary>The scenario's clock.</summary>
    public ManualTimeProvider Clock { get; } = new();

    /// <summary>The schemas every message is judged by.</summary>
    public SchemaSet Schemas => _schemas;

    /// <summary>The scenario.</summary>
    public ScenarioContext Context => _context;

    /// <summary>Puts a reference role on the stage, so that settling waits for it and its journal goes into the transcript.</summary>
    public void AddRole(string name, PipeJournal journal, Func<Task> whenIdle, Func<bool> isIdle, Func<ValueTask> dispose)
    {
        lock (_gate)
        {
            _roles.Add((name, journal, whenIdle, isIdle, dispose));
        }
    }

    /// <summary>A new in-memory connection, its two ends watched for settling.</summary>
    public MemoryPipe NewPipe()
    {
        var pipe = new MemoryPipe(Clock, _settled);
        lock (_gate)
        {
            _ends.Add(pipe.Client);
            _ends.Add(pipe.Server);
        }

        return pipe;
    }

    /// <summary>The harness's scripted end named <paramref name="name"/> over <paramref name="end"/>, reading from now on.</summary>
    public FramePeer Peer(string name, MemoryPipeEnd end)
    {
        var peer = new FramePeer(name, end, new PeerClock(() => Clock.Elapsed, end.ReceivedAt, end.OtherClosedAt), _schemas);
        lock (_gate)
        {
            _peers.Add(peer);
        }

        peer.Start();
        return peer;
    }

    /// <summary>Moves the clock, firing every timer that falls due and settling after each.</summary>
    public Task AdvanceAsync(TimeSpan delta) => Clock.AdvanceAsync(delta);

    /// <summary>Waits, within a real-time safety bound, until every role is idle and every pipe's reader has settled.</summary>
    public async Task QuietAsync()
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_context.Cancellation);
        bound.CancelAfter(SettleBound);
        while (true)
        {
            List<(string Name, PipeJournal Journal, Func<Task> WhenIdle, Func<bool> IsIdle, Func<ValueTask> Dispose)> roles;
            lock (_gate)
            {
                roles = _roles.ToList();
            }

            foreach (var role in roles)
            {
                await role.WhenIdle().WaitAsync(bound.Token).ConfigureAwait(false);
            }

            if (!await _settled.WaitUntilAsync(AllSettled, SettleBound, bound.Token).ConfigureAwait(false))
            {
                throw new TimeoutException($"The in-memory pipes did not settle within {SettleBound.TotalSeconds} s.");
            }

            if (roles.All(role => role.IsIdle()) && AllSettled())
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await QuietAsync().ConfigureAwait(false);
        WriteTranscript();
        JudgeEveryMessage();
        List<FramePeer> peers;
        List<(string Name, PipeJournal Journal, Func<Task> WhenIdle, Func<bool> IsIdle, Func<ValueTask> Dispose)> roles;
        lock (_gate)
        {
            peers = _peers.ToList();
            roles = _roles.ToList();
        }

        await Cleanup.RunAllAsync([.. peers.Select(peer => (Func<ValueTask>)peer.DisposeAsync), .. roles.Select(role => role.Dispose)]).ConfigureAwait(false);
    }

    private bool AllSettled()
    {
        lock (_gate)
        {
            return _ends.All(end => end.IsSettled);
        }
    }

    // The wire as the scripted ends saw it and the roles' own journals, merged in time order.
    private void WriteTranscript()
    {
        var entries = new List<(TimeSpan At, int Order, string Kind, JsonObject Fields)>();
        foreach (var peer in _peers)
        {
            foreach (var entry in peer.Entries)
            {
                entries.Add((entry.At, entries.Count, $"wire-{entry.Kind.ToString().ToLowerInvariant()}", entry.ToJson(peer.Name)));
            }
        }

        foreach (var role in _roles)
        {
            foreach (var entry in role.Journal.Entries)
            {
                var fields = new JsonObject { ["role"] = role.Name, ["connection"] = entry.Connection, ["detail"] = entry.Detail };
                if (entry.Requirement is not null)
                {
                    fields["requirement"] = entry.Requirement;
                }

                entries.Add((entry.At - Clock.Start, entries.Count, entry.Kind, fields));
            }
        }

        foreach (var (at, _, kind, fields) in entries.OrderBy(entry => entry.At).ThenBy(entry => entry.Order))
        {
            _context.Transcript.Add(kind, fields, at);
        }
    }

    // The harness validates every message in both directions, the reference roles' own included (PM-F03).
    private void JudgeEveryMessage()
    {
        foreach (var peer in _peers)
        {
            foreach (var entry in peer.Received.Where(entry => entry.Check is { IsValid: false }))
            {
                _context.Violate("PM-F03", $"every message the reference {RoleOf(peer)} sends satisfies the reference schema",
                    $"{peer.Name} received frame {entry.Frame}: {string.Join("; ", entry.Check!.Problems)}");
            }
        }

        foreach (var sent in _peers.SelectMany(peer => peer.Entries).Where(entry => entry.Kind == WireKind.Sent && entry.Check is { IsValid: false }))
        {
            _context.ViolateScenarioRequirements("every message the harness sends satisfies the reference schema", string.Join("; ", sent.Check!.Problems), hard: true);
        }

        foreach (var role in _roles)
        {
            foreach (var crash in role.Journal.Entries.Where(entry => entry.Kind == JournalKinds.Crashed))
            {
                _context.ViolateScenarioRequirements($"the reference {role.Name} handles every input", crash.Detail, hard: true);
            }
        }
    }

    private string RoleOf(FramePeer peer) => _roles.Count == 1 ? _roles[0].Name : $"role facing {peer.Name}";
}

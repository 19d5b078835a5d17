using System.Collections.Concurrent;
using Conformance.Engine.Running;

namespace Conformance.Engine.Situations;

/// <summary>
/// One run per situation: the first scenario that needs a situation runs its act, and every other scenario
/// that needs the same situation is handed the same recording, waiting (bounded by its own time limit) if
/// the act is still going. With <see cref="Isolated"/> each scenario runs its acts afresh, for executables
/// whose behaviour varies between runs. Run-wide: one store per run.
/// </summary>
internal sealed class SituationStore
{
    private readonly ConcurrentDictionary<(Situation, string?), Lazy<Task<object>>> _runs = new();

    /// <summary>How many times an act is run at most when the harness could not keep its own time (<see cref="Recording.Unsteady"/>).</summary>
    public const int MaxAttempts = 3;

    private readonly TimeSpan _actBound;

    /// <summary>Creates a store; <paramref name="isolated"/> gives every scenario runs of its own; no act may take longer than <paramref name="actBound"/>.</summary>
    public SituationStore(bool isolated = false, TimeSpan? actBound = null)
    {
        Isolated = isolated;
        _actBound = actBound ?? TimeSpan.FromMinutes(3);
    }

    /// <summary>True when nothing is shared: every scenario runs its own acts.</summary>
    public bool Isolated { get; }

    /// <summary>How many acts have run (or are running).</summary>
    public int RunCount => _runs.Count;

    /// <summary>
    /// The recording of <paramref name="situation"/>: run now by <paramref name="act"/> when this is the first
    /// scenario to need it, else the one already made or being made. The act gets a fresh
    /// <see cref="Recording"/> and a cancellation that no single scenario's end can trigger, and returns what
    /// the scenarios judge. The scenario's context takes in the recording's transcript, notes and secrets.
    /// </summary>
    public async Task<T> RecordAsync<T>(ScenarioContext context, Situation situation, Func<Recording, CancellationToken, Task<T>> act)
        where T : class, IRecorded
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(act);
        var key = (situation, Isolated ? context.Scenario.Id : null);
        var run = _runs.GetOrAdd(key, _ => new Lazy<Task<object>>(() => RunAsync(situation, act, _actBound)));
        var started = run.IsValueCreated;
        var pending = run.Value;
        var recorded = (T)await (started && !pending.IsCompleted && context.Slot is { } slot
            ? slot.YieldWhileAsync(pending, context.Cancellation)
            : pending.WaitAsync(context.Cancellation)).ConfigureAwait(false);
        context.Use(recorded.Recording);
        return recorded;
    }

    /// <summary>Waits (bounded) for every act still running, so that no process outlives the run.</summary>
    public async Task DrainAsync(TimeSpan bound)
    {
        var pending = _runs.Values.Where(run => run.IsValueCreated).Select(run => run.Value).ToList();
        try
        {
            await Task.WhenAll(pending).WaitAsync(bound).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || pending.Any(task => !task.IsCompleted))
        {
            // The acts' own failures are the scenarios' to report; here only their end matters.
        }
    }

    private static async Task<object> RunAsync<T>(Situation situation, Func<Recording, CancellationToken, Task<T>> act, TimeSpan bound)
        where T : class, IRecorded
    {
        // Off the calling scenario's flow, and bounded on its own: one scenario timing out must not cancel what others wait for.
        await Task.Yield();
        using var limit = new CancellationTokenSource(bound);
        var unsteady = new List<string>();
        while (true)
        {
            var recording = new Recording(situation);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            T recorded;
            try
            {
                recorded = await act(recording, limit.Token).ConfigureAwait(false);
            }
            finally
            {
                recording.Duration = stopwatch.Elapsed;
            }

            // A run the harness itself could not keep time in says nothing sure of the executable: it is run again,
            // a few times at most; the last is judged as it is, its tolerance widened by the harness's own lag.
            if (recording.Unsteady is not { } why || unsteady.Count + 1 >= MaxAttempts || limit.IsCancellationRequested)
            {
                foreach (var (earlier, attempt) in unsteady.Select((reason, index) => (reason, index + 1)))
                {
                    recording.Note($"attempt {attempt} of this run was set aside: {earlier}");
                }

                return recorded;
            }

            unsteady.Add(why);
        }
    }
}

/// <summary>What an act returns: anything that carries its <see cref="Situations.Recording"/>.</summary>
internal interface IRecorded
{
    /// <summary>The recording the act wrote.</summary>
    Recording Recording { get; }
}

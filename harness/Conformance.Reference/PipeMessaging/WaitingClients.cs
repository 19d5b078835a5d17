namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// The clients that connected while another was served, in the order they came: each waits its turn and is never
/// dropped (PM-C02, PM-E01). Shared by the command-pipe server and the event-pipe service.
/// </summary>
internal sealed class WaitingClients
{
    private readonly Queue<(Stream Stream, Action? Ended)> _queue = new();

    /// <summary>How many clients wait.</summary>
    public int Count => _queue.Count;

    /// <summary>Puts a client at the back of the line; <paramref name="ended"/> is called once it has been closed.</summary>
    public void Add(Stream stream, Action? ended) => _queue.Enqueue((stream, ended));

    /// <summary>Takes the client whose turn it is, if any.</summary>
    public bool TryTakeNext(out (Stream Stream, Action? Ended) next) => _queue.TryDequeue(out next);

    /// <summary>
    /// On stopping: takes every waiting client out of the line before <paramref name="closeServed"/> runs, so that
    /// closing the served one hands the pipe to none of them; then closes each and reports its end.
    /// </summary>
    public async Task CloseAllAfterAsync(Func<Task> closeServed)
    {
        var waiting = _queue.ToList();
        _queue.Clear();
        await closeServed().ConfigureAwait(false);
        foreach (var (stream, ended) in waiting)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            ended?.Invoke();
        }
    }
}

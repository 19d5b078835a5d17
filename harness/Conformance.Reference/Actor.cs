using System.Threading.Channels;

namespace Conformance.Reference;

/// <summary>
/// Runs a reference role's work one item at a time, in order: lines, frames, timers, process exits and
/// connections all change the role's state only here, so there are no races, and a manual-clock test can wait
/// until it is idle.
/// Work may be asynchronous (a write); the next item starts when it is done.
/// </summary>
internal sealed class Actor
{
    // Stryker disable once Initializer,Boolean : SingleReader only lets the channel skip locking; the one reader loop reads the same items either way
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Action<Exception> _onError;
    private int _pending;
    private TaskCompletionSource? _idle;

    public Actor(Action<Exception> onError)
    {
        _onError = onError;
        Completion = Task.Run(RunAsync);
    }

    /// <summary>Completes once <see cref="Complete"/> was called and every item posted before has run.</summary>
    public Task Completion { get; }

    /// <summary>True when nothing is queued or running.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _pending == 0;
            }
        }
    }

    /// <summary>Queues <paramref name="work"/>; counted as pending from this call on, so a caller that posts and then waits for idleness sees it.</summary>
    public void Post(Func<Task> work)
    {
        lock (_gate)
        {
            _pending++;
        }

        if (!_work.Writer.TryWrite(work))
        {
            Done();
        }
    }

    /// <summary>Queues synchronous work.</summary>
    public void Post(Action work) => Post(() =>
    {
        work();
        return Task.CompletedTask;
    });

    /// <summary>Completes once every posted item, and every item those posted, has run.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <summary>Takes no more work; what was posted still runs.</summary>
    public void Complete() => _work.Writer.TryComplete();

    /// <summary>Runs <paramref name="last"/> after everything posted so far, takes no more work, and completes once all of it has run.</summary>
    public async Task StopAfterAsync(Func<Task> last)
    {
        Post(last);
        Complete();
        await Completion.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _onError(exception);
            }
            finally
            {
                Done();
            }
        }
    }

    private void Done()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_pending == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }
}

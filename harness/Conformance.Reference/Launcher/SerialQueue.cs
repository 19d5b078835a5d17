using System.Threading.Channels;

namespace Conformance.Reference.Launcher;

/// <summary>
/// Runs a session's work one item at a time, in order, off the caller's thread: lines, timers and process
/// exits all change the session only here, so there are no races, and a test can wait until it is idle.
/// </summary>
internal sealed class SerialQueue
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Action<Exception> _onError;
    private int _pending;
    private TaskCompletionSource? _idle;

    public SerialQueue(Action<Exception> onError)
    {
        _onError = onError;
        Completion = Task.Run(RunAsync);
    }

    public Task Completion { get; }

    public void Post(Action work)
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

    public void Complete() => _work.Writer.TryComplete();

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work();
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

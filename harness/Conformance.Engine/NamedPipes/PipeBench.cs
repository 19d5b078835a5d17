using System.Collections.Concurrent;
using System.Text;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.NamedPipes;

/// <summary>
/// One scenario's pipe: the project's <see cref="PipeListener"/> with a server that accepts every client in the
/// background and treats it as <see cref="ServerBehaviour"/> says, and the clients the steps connect. It counts
/// the connections the server holds, so a scenario can tell the most it ever held. Disposing closes every
/// connection, client and the pipe itself.
/// </summary>
internal sealed class PipeBench(ScenarioContext context) : IAsyncDisposable
{
    /// <summary>What a greeting server writes to each client it admits.</summary>
    public static readonly byte[] Greeting = "hello\n"u8.ToArray();

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PipeConnection> _accepted = [];
    private readonly List<Task> _serving = [];
    private readonly ConcurrentQueue<ClientRefusal> _refusals = new();
    private readonly List<Stream> _clients = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private Task? _acceptLoop;
    private int _open;
    private int _mostOpen;
    private int _mostInUse;

    /// <summary>The scenario's pipe.</summary>
    public PipeListener Listener => _listener ?? throw new InvalidOperationException("No pipe was opened: a Given step must open one.");

    private PipeListener? _listener;

    /// <summary>The pipe's name.</summary>
    public string Name => Listener.Name;

    /// <summary>Clients refused by the pipe (another account), in order.</summary>
    public IReadOnlyList<ClientRefusal> Refusals => [.. _refusals];

    /// <summary>The connections the server accepted, first first.</summary>
    public IReadOnlyList<PipeConnection> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>The most connections the server held open at once, by its own count and by the listener's.</summary>
    public int MostHeldAtOnce
    {
        get
        {
            lock (_gate)
            {
                return Math.Max(_mostOpen, _mostInUse);
            }
        }
    }

    /// <summary>The clients the steps connected, first first.</summary>
    public IReadOnlyList<Stream> Clients
    {
        get
        {
            lock (_gate)
            {
                return [.. _clients];
            }
        }
    }

    /// <summary>Opens the pipe and starts serving it.</summary>
    public void Open(int instances, ServerBehaviour behaviour, PipeListenerOptions? options = null)
    {
        var name = PipeName.NewUnique("np");
        context.Transcript.RegisterPipeName(name);
        _listener = PipeListener.Listen(name, new PipeListenerOptions
        {
            MaxInstances = instances,
            WhenBusy = PipeBusyPolicy.Refuse,
            AdditionalUserIds = options?.AdditionalUserIds ?? [],
            AdditionalSecurityIdentifiers = options?.AdditionalSecurityIdentifiers ?? [],
            SocketFileMode = options?.SocketFileMode,
            Refused = refusal =>
            {
                _refusals.Enqueue(refusal);
                Signal();
            },
        });
        context.Transcript.Add("pipe-listening", new() { ["pipe"] = name, ["instances"] = instances, ["server"] = behaviour.ToString() });
        _acceptLoop = AcceptLoopAsync(behaviour);
    }

    /// <summary>Waits until the server has accepted <paramref name="count"/> clients in all; false if it did not within <paramref name="bound"/>.</summary>
    public Task<bool> AcceptedAtLeastAsync(int count, TimeSpan bound) => WaitUntilAsync(() => Accepted.Count >= count, bound);

    /// <summary>Waits until the pipe has refused <paramref name="count"/> clients; false if it did not within <paramref name="bound"/>.</summary>
    public Task<bool> RefusedAtLeastAsync(int count, TimeSpan bound) => WaitUntilAsync(() => _refusals.Count >= count, bound);

    /// <summary>Connects a client once, without retrying; a connected client is kept for the scenario.</summary>
    public async Task<(Stream? Stream, string? Refusal)> TryConnectOnceAsync(string? name = null)
    {
        var (stream, refusal) = await PipeClient.TryConnectOnceAsync(name ?? Name, context.Cancellation).ConfigureAwait(false);
        if (stream is not null)
        {
            Keep(stream);
        }

        return (stream, refusal);
    }

    /// <summary>Connects a client, retrying while the pipe is busy as the project's clients do (NP-03).</summary>
    public async Task<Stream> ConnectAsync(RetryPolicy? policy = null, TimeProvider? clock = null, string? name = null)
    {
        var stream = await PipeClient.ConnectWithRetryAsync(name ?? Name, policy ?? RetryPolicy.Default, clock ?? TimeProvider.System, context.Cancellation).ConfigureAwait(false);
        Keep(stream);
        return stream;
    }

    /// <summary>Closes a client's end.</summary>
    public static ValueTask DisconnectAsync(Stream client) => client.DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var connection in Accepted)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var client in Clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll([.. _serving, _acceptLoop ?? Task.CompletedTask]).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private void Keep(Stream stream)
    {
        lock (_gate)
        {
            _clients.Add(stream);
        }
    }

    private async Task AcceptLoopAsync(ServerBehaviour behaviour)
    {
        while (!_stop.IsCancellationRequested)
        {
            PipeConnection connection;
            try
            {
                connection = await Listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _accepted.Add(connection);
                _open++;
                _mostOpen = Math.Max(_mostOpen, _open);
                _mostInUse = Math.Max(_mostInUse, Listener.InstancesInUse);
                _serving.Add(ServeAsync(connection, behaviour));
            }

            Signal();
        }
    }

    private async Task ServeAsync(PipeConnection connection, ServerBehaviour behaviour)
    {
        try
        {
            switch (behaviour)
            {
                case ServerBehaviour.GreetThenClose:
                    await connection.Stream.WriteAsync(Greeting, _stop.Token).ConfigureAwait(false);
                    await connection.Stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                    await CloseAsync(connection).ConfigureAwait(false);
                    break;
                case ServerBehaviour.Echo:
                    await connection.Stream.CopyToAsync(connection.Stream, _stop.Token).ConfigureAwait(false);
                    break;
                case ServerBehaviour.EchoLineThenClose:
                    var line = await ReadLineAsync(connection.Stream, _stop.Token).ConfigureAwait(false);
                    await connection.Stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), _stop.Token).ConfigureAwait(false);
                    await connection.Stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                    await CloseAsync(connection).ConfigureAwait(false);
                    break;
                case ServerBehaviour.Hold:
                default:
                    break;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The scenario is ending, or the client went away: nothing more to serve.
        }
    }

    private async Task CloseAsync(PipeConnection connection)
    {
        lock (_gate)
        {
            _open--;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads up to a line feed; the line without it.</summary>
    internal static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 1 && one[0] != (byte)'\n')
        {
            bytes.Add(one[0]);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan bound)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        limit.CancelAfter(bound);
        while (!condition())
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                break;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }

        return true;
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

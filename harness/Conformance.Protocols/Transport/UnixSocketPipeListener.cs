using System.Net.Sockets;
using System.Runtime.Versioning;

namespace Conformance.Protocols.Transport;

/// <summary>
/// The Unix form of a many-client pipe: a stream socket at the path NamedPipeClientStream uses, with the
/// instances Unix sockets lack counted here. An instance is taken from the kernel's accept until the
/// connection is disposed; a refused client gives it back at once. Under <see cref="PipeBusyPolicy.Refuse"/>
/// the pipe stops listening while every instance is taken (a bound socket that does not listen keeps the
/// path, so connects fail with ECONNREFUSED) and listens again when one frees; under
/// <see cref="PipeBusyPolicy.Backlog"/> it keeps listening and simply stops accepting.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class UnixSocketPipeListener : PipeListener
{
    private const UnixFileMode OtherAccountsAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly PipeListenerOptions _options;
    private readonly string _path;
    private readonly uint _ownUserId = UnixUser.EffectiveUserId;
    private readonly HashSet<uint> _allowedUserIds;
    private readonly SemaphoreSlim _acceptTurn = new(1, 1);
    private readonly Lock _gate = new();

    // Clients the kernel had queued when the pipe went busy: in line like the backlog, never dropped.
    private readonly Queue<Socket> _queued = new();
    private TaskCompletionSource _instanceFreed = NewSignal();

    // The socket bound at the pipe's path: listening, or (busy, under Refuse) only holding the path.
    private Socket? _socket;
    private bool _listening;
    private int _inUse;
    private bool _disposed;

    public UnixSocketPipeListener(string name, PipeListenerOptions options)
    {
        Name = name;
        _options = options;
        _path = PipeName.UnixSocketPath(name);
        _allowedUserIds = [_ownUserId, .. options.AdditionalUserIds];
        if (File.Exists(_path))
        {
            throw new IOException($"The pipe {name} is already in use: {_path} exists.");
        }

        try
        {
            _socket = Bind();
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new IOException($"The pipe {name} is already in use: {_path} exists.", exception);
        }

        try
        {
            ListenAgain();
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public override string Name { get; }

    public override int InstancesInUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse;
            }
        }
    }

    public override bool IsListening
    {
        get
        {
            lock (_gate)
            {
                return _listening;
            }
        }
    }

    public override async Task<PipeConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        await _acceptTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var socket = await TakeInstanceForNextClientAsync(cancellationToken).ConfigureAwait(false);
                if (await AdmitAsync(socket, cancellationToken).ConfigureAwait(false) is { } connection)
                {
                    return connection;
                }
            }
        }
        finally
        {
            _acceptTurn.Release();
        }
    }

    public override ValueTask DisposeAsync()
    {
        Socket? socket;
        Socket[] queued;
        TaskCompletionSource freed;
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            _listening = false;
            socket = _socket;
            _socket = null;
            queued = [.. _queued];
            _queued.Clear();
            freed = _instanceFreed;
        }

        // .NET removes the socket file when the socket that bound it is disposed; the delete is for certainty.
        socket?.Dispose();
        foreach (var client in queued)
        {
            client.Dispose();
        }

        TryDelete(_path);
        freed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Already gone: nothing listens there either way.
        }
    }

    /// <summary>Waits for a free instance, then takes it for the client first in line: queued, else the kernel's next.</summary>
    private async Task<Socket> TakeInstanceForNextClientAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Socket? listener = null;
            Task freed;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_inUse < _options.MaxInstances)
                {
                    if (_queued.TryDequeue(out var queued))
                    {
                        _inUse++;
                        return queued;
                    }

                    if (!_listening)
                    {
                        ListenAgain();
                    }

                    listener = _socket;
                }

                freed = _instanceFreed.Task;
            }

            if (listener is null)
            {
                await freed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            // NP-09: the accept is awaited on the socket, never polled.
            var socket = await AcceptFromKernelAsync(listener, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_disposed)
                {
                    socket.Dispose();
                    throw new ObjectDisposedException(nameof(PipeListener), "The pipe stopped listening.");
                }

                _inUse++;
            }

            return socket;
        }
    }

    private async Task<Socket> AcceptFromKernelAsync(Socket listener, CancellationToken cancellationToken)
    {
        try
        {
            return await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException && IsDisposed())
        {
            throw new ObjectDisposedException(nameof(PipeListener), "The pipe stopped listening.");
        }
    }

    private bool IsDisposed()
    {
        lock (_gate)
        {
            return _disposed;
        }
    }

    /// <summary>Checks the client on the instance it holds; a refused or failed check gives the instance back.</summary>
    private async Task<PipeConnection?> AdmitAsync(Socket socket, CancellationToken cancellationToken)
    {
        PipeClientIdentity client;
        AdmissionDecision decision;
        try
        {
            client = PeerCredentials.Read(socket);
            decision = await DecideAsync(client, cancellationToken).ConfigureAwait(false);
            if (decision.Admitted)
            {
                BusyIfFull();
                return new PipeConnection(new NetworkStream(socket, ownsSocket: true), client, decision.Reason, ReleaseInstance);
            }
        }
        catch
        {
            socket.Dispose();
            ReleaseInstance();
            throw;
        }

        // Closed without a byte written: the refused client sees only end-of-stream.
        socket.Dispose();
        ReleaseInstance();
        _options.Refused?.Invoke(new ClientRefusal(client, decision.Reason));
        return null;
    }

    private async ValueTask<AdmissionDecision> DecideAsync(PipeClientIdentity client, CancellationToken cancellationToken)
    {
        // NP-07's second layer: the file mode may have been widened, the uid cannot be forged.
        if (client.UserId is { } uid && !_allowedUserIds.Contains(uid))
        {
            return AdmissionDecision.Refuse($"the client runs as uid {uid}; the pipe admits uid {string.Join(", ", _allowedUserIds)} only");
        }

        // Where the kernel does not tell the peer's uid, only an owner-only file keeps other accounts out.
        if (client.UserId is null && (_options.EffectiveSocketFileMode & OtherAccountsAccess) != 0)
        {
            return AdmissionDecision.Refuse("the client's uid cannot be read on this platform and the socket file is open to other accounts");
        }

        return _options.Admission is null
            ? AdmissionDecision.Admit($"uid {client.UserId?.ToString() ?? "?"} is allowed")
            : await _options.Admission(client, cancellationToken).ConfigureAwait(false);
    }

    private void ReleaseInstance()
    {
        TaskCompletionSource freed;
        lock (_gate)
        {
            _inUse--;
            freed = _instanceFreed;
            _instanceFreed = NewSignal();
            if (!_disposed && !_listening && _inUse + _queued.Count < _options.MaxInstances)
            {
                try
                {
                    ListenAgain();
                }
                catch (Exception exception) when (exception is SocketException or IOException or UnauthorizedAccessException)
                {
                    // The next AcceptAsync tries again and reports the failure to the server.
                }
            }
        }

        freed.TrySetResult();
    }

    /// <summary>
    /// Under Refuse, once the last instance is taken by an admitted client (a refused one never makes the pipe
    /// busy), the pipe stops listening: new connects are refused at once (NP-03), and no client the kernel had
    /// already queued is lost.
    /// </summary>
    private void BusyIfFull()
    {
        lock (_gate)
        {
            if (_options.WhenBusy != PipeBusyPolicy.Refuse || !_listening || _inUse + _queued.Count < _options.MaxInstances)
            {
                return;
            }

            var listener = _socket!;
            _socket = null;
            _listening = false;
            StopListening(listener);
            try
            {
                // A socket that is bound but does not listen: the path stays, with its mode, and refuses connects.
                _socket = Bind();
            }
            catch (Exception exception) when (exception is SocketException or IOException or UnauthorizedAccessException)
            {
                // Then the path is gone (ENOENT) until the pipe listens again: still a refusal.
            }
        }
    }

    private void StopListening(Socket listener)
    {
        try
        {
            // On Linux a listener whose receive side is shut refuses new connects (ECONNREFUSED) while those
            // already queued stay acceptable, so the queue drained below is complete. Elsewhere this may fail,
            // and a client that connects between the drain and the close is dropped.
            listener.Shutdown(SocketShutdown.Receive);
        }
        catch (SocketException)
        {
            // Not Linux: the close below is all there is.
        }

        try
        {
            listener.Blocking = false;
            while (true)
            {
                var queued = listener.Accept();
                queued.Blocking = true;
                _queued.Enqueue(queued);
            }
        }
        catch (SocketException)
        {
            // The queue is empty (EAGAIN, or EINVAL once shut).
        }
        finally
        {
            // This removes the socket file too: until it is bound again, a client sees ENOENT.
            listener.Dispose();
        }
    }

    /// <summary>Listens on the socket at the path, binding a new one if the last bind failed.</summary>
    private void ListenAgain()
    {
        _socket ??= Bind();

        // The kernel's largest backlog: under Backlog, that is the line of waiting clients.
        _socket.Listen();
        _listening = true;
    }

    /// <summary>
    /// A socket bound at the pipe's path with the pipe's mode. Until it listens, every connect to it is refused,
    /// so no client reaches it before its mode is set.
    /// </summary>
    private Socket Bind()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(_path));
            File.SetUnixFileMode(_path, _options.EffectiveSocketFileMode);
            return socket;
        }
        catch
        {
            // Disposing a bound socket removes its file; one that failed to bind removes nothing.
            socket.Dispose();
            throw;
        }
    }
}

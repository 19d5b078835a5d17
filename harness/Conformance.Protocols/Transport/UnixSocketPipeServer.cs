using System.Net.Sockets;
using System.Runtime.Versioning;

namespace Conformance.Protocols.Transport;

/// <summary>
/// The Unix form of a pipe: a stream socket at the path NamedPipeClientStream uses. Refusal is the kernel's
/// wherever it can be: the socket file is owner-only, and once the owner is admitted the listener is closed
/// and the file removed, so later connects fail at once (ECONNREFUSED or ENOENT).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class UnixSocketPipeServer : PipeServer
{
    private readonly PipeServerOptions _options;
    private readonly string _path;
    private readonly uint _ownUserId = UnixUser.EffectiveUserId;
    private readonly Lock _gate = new();
    private Socket? _listener;

    public UnixSocketPipeServer(string name, PipeServerOptions options)
    {
        Name = name;
        _options = options;
        _path = PipeName.UnixSocketPath(name);
        if (File.Exists(_path))
        {
            throw new IOException($"The pipe {name} is already in use: {_path} exists.");
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(_path));
            File.SetUnixFileMode(_path, options.SocketFileMode);
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            TryDeleteSocketFile();
            throw;
        }

        _listener = listener;
    }

    public override string Name { get; }

    public override bool IsListening
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    public override async Task<PipeConnection> AcceptFirstClientAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var listener = _listener ?? throw new ObjectDisposedException(nameof(PipeServer), "The pipe is no longer listening.");
            var socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            PipeClientIdentity client;
            AdmissionDecision decision;
            try
            {
                client = PeerCredentials.Read(socket);
                decision = await DecideAsync(client, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // An admission that throws or is cancelled must not strand the accepted socket.
                socket.Dispose();
                throw;
            }

            if (!decision.Admitted)
            {
                // Closed without a byte written: the refused client sees only end-of-stream.
                socket.Dispose();
                _options.Refused?.Invoke(new ClientRefusal(client, decision.Reason));
                continue;
            }

            StopListening();
            return new PipeConnection(new NetworkStream(socket, ownsSocket: true), client, decision.Reason);
        }
    }

    public override ValueTask DisposeAsync()
    {
        StopListening();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<AdmissionDecision> DecideAsync(PipeClientIdentity client, CancellationToken cancellationToken)
    {
        // NP-07's second layer: the file mode may have been widened, the uid cannot be forged.
        if (client.UserId is { } uid && uid != _ownUserId)
        {
            return AdmissionDecision.Refuse($"the client runs as uid {uid}, the pipe belongs to uid {_ownUserId}");
        }

        return _options.Admission is null
            ? AdmissionDecision.Admit("first client")
            : await _options.Admission(client, cancellationToken).ConfigureAwait(false);
    }

    private void StopListening()
    {
        Socket? listener;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
        }

        if (listener is null)
        {
            return;
        }

        listener.Dispose();
        TryDeleteSocketFile();
    }

    private void TryDeleteSocketFile()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Already gone: nothing listens there either way.
        }
    }
}

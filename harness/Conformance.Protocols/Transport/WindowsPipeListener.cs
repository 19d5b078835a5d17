using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace Conformance.Protocols.Transport;

/// <summary>
/// The Windows form: real pipe instances, at most <see cref="PipeListenerOptions.MaxInstances"/>, with an ACL
/// for the creating account and the allowed ones, so the system refuses every other account and every network client. One free instance
/// is offered while fewer than the maximum are connected; with none on offer a client gets ERROR_PIPE_BUSY,
/// whatever the busy policy, since Windows pipes have no backlog.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsPipeListener : PipeListener
{
    private readonly PipeListenerOptions _options;
    private readonly PipeSecurity _security;
    private readonly SemaphoreSlim _acceptTurn = new(1, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource _instanceFreed = NewSignal();
    private NamedPipeServerStream? _offered;
    private int _inUse;
    private bool _disposed;

    public WindowsPipeListener(string name, PipeListenerOptions options)
    {
        Name = name;
        _options = options;
        _security = new PipeSecurity();
        var user = WindowsIdentity.GetCurrent().User ?? throw new InvalidOperationException("The current account has no security identifier.");
        _security.AddAccessRule(new PipeAccessRule(user, PipeAccessRights.FullControl, AccessControlType.Allow));

        // NP-06: nothing that comes over the network, whatever its account; the pipes carry local secrets only.
        _security.AddAccessRule(new PipeAccessRule(new SecurityIdentifier(WellKnownSidType.NetworkSid, null), PipeAccessRights.FullControl, AccessControlType.Deny));
        foreach (var sid in options.AdditionalSecurityIdentifiers)
        {
            _security.AddAccessRule(new PipeAccessRule(new SecurityIdentifier(sid), PipeAccessRights.ReadWrite, AccessControlType.Allow));
        }

        // The first instance fails if the pipe already exists, as the Unix form does.
        _offered = CreateInstance(PipeOptions.FirstPipeInstance);
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
                return _offered is not null;
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
                var instance = await FreeInstanceAsync(cancellationToken).ConfigureAwait(false);
                PipeClientIdentity client;
                AdmissionDecision decision;
                try
                {
                    await instance.WaitForConnectionAsync(cancellationToken).ConfigureAwait(false);
                    client = new PipeClientIdentity(WindowsPipeServer.ClientProcessId(instance), null);
                    decision = _options.Admission is null
                        ? AdmissionDecision.Admit("the pipe's ACL admitted the account")
                        : await _options.Admission(client, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // A cancelled or failed wait leaves the instance unusable: a fresh one is offered instead.
                    Withdraw(instance);
                    throw;
                }

                if (decision.Admitted)
                {
                    Take();
                    return new PipeConnection(instance, client, decision.Reason, ReleaseInstance);
                }

                try
                {
                    // No byte written; the same instance waits for the next client.
                    instance.Disconnect();
                }
                catch (IOException)
                {
                    Withdraw(instance);
                }

                _options.Refused?.Invoke(new ClientRefusal(client, decision.Reason));
            }
        }
        finally
        {
            _acceptTurn.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        NamedPipeServerStream? offered;
        TaskCompletionSource freed;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            offered = _offered;
            _offered = null;
            freed = _instanceFreed;
        }

        if (offered is not null)
        {
            await offered.DisposeAsync().ConfigureAwait(false);
        }

        freed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NamedPipeServerStream CreateInstance(PipeOptions extra = PipeOptions.None) =>
        NamedPipeServerStreamAcl.Create(
            Name, PipeDirection.InOut, _options.MaxInstances, PipeTransmissionMode.Byte, PipeOptions.Asynchronous | extra,
            inBufferSize: 0, outBufferSize: 0, _security);

    private async Task<NamedPipeServerStream> FreeInstanceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task freed;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_inUse < _options.MaxInstances)
                {
                    return _offered ??= CreateInstance();
                }

                freed = _instanceFreed.Task;
            }

            await freed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The offered instance now serves its client; the next one is offered while there is room (NP-04).</summary>
    private void Take()
    {
        lock (_gate)
        {
            _offered = null;
            _inUse++;
            TryOffer();
        }
    }

    private void Withdraw(NamedPipeServerStream instance)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_offered, instance))
            {
                _offered = null;
            }
        }

        instance.Dispose();
        lock (_gate)
        {
            TryOffer();
        }
    }

    private void ReleaseInstance()
    {
        TaskCompletionSource freed;
        lock (_gate)
        {
            _inUse--;
            freed = _instanceFreed;
            _instanceFreed = NewSignal();
            TryOffer();
        }

        freed.TrySetResult();
    }

    /// <summary>Keeps the pipe's name alive with a free instance whenever there is room; the next accept retries on failure.</summary>
    private void TryOffer()
    {
        if (_disposed || _offered is not null || _inUse >= _options.MaxInstances)
        {
            return;
        }

        try
        {
            _offered = CreateInstance();
        }
        catch (IOException)
        {
            // All instances are still closing; FreeInstanceAsync creates one when asked.
        }
    }
}

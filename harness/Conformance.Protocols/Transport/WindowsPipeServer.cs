using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace Conformance.Protocols.Transport;

/// <summary>
/// The Windows form: one pipe instance whose ACL grants the current account only, so the system refuses
/// other accounts before the server sees them, and, once the owner is connected, a later client finds no
/// free instance and is refused (ERROR_PIPE_BUSY).
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed partial class WindowsPipeServer : PipeServer
{
    private readonly PipeServerOptions _options;
    private NamedPipeServerStream? _instance;
    private bool _owned;

    public WindowsPipeServer(string name, PipeServerOptions options)
    {
        Name = name;
        _options = options;
        var security = new PipeSecurity();
        var user = WindowsIdentity.GetCurrent().User ?? throw new InvalidOperationException("The current account has no security identifier.");
        security.AddAccessRule(new PipeAccessRule(user, PipeAccessRights.FullControl, AccessControlType.Allow));
        _instance = NamedPipeServerStreamAcl.Create(
            name, PipeDirection.InOut, maxNumberOfServerInstances: 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous,
            inBufferSize: 0, outBufferSize: 0, security);
    }

    public override string Name { get; }

    public override bool IsListening => _instance is not null && !_owned;

    public override async Task<PipeConnection> AcceptFirstClientAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = _instance ?? throw new ObjectDisposedException(nameof(PipeServer), "The pipe is no longer listening.");
            await instance.WaitForConnectionAsync(cancellationToken).ConfigureAwait(false);
            var client = new PipeClientIdentity(ClientProcessId(instance), null);
            var decision = _options.Admission is null
                ? AdmissionDecision.Admit("first client")
                : await _options.Admission(client, cancellationToken).ConfigureAwait(false);
            if (!decision.Admitted)
            {
                instance.Disconnect();
                _options.Refused?.Invoke(new ClientRefusal(client, decision.Reason));
                continue;
            }

            _owned = true;
            return new PipeConnection(instance, client, decision.Reason);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        var instance = _instance;
        _instance = null;
        if (instance is not null && !_owned)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static int? ClientProcessId(NamedPipeServerStream instance) =>
        GetNamedPipeClientProcessId(instance.SafePipeHandle.DangerousGetHandle(), out var pid) ? (int)pid : null;

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetNamedPipeClientProcessId(nint pipe, out uint clientProcessId);
}

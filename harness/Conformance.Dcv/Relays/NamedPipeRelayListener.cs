using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using Conformance.Protocols.Transport;

namespace Conformance.Dcv.Relays;

/// <summary>
/// A relay on Windows: a named pipe whose ACL grants the current account only, one instance per connection. Its
/// relay path is the full <c>\\.\pipe\NAME</c>. This code compiles everywhere and runs on Windows only; the
/// repository's CI is Linux.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class NamedPipeRelayListener : RelayListener
{
    private const string Prefix = @"\\.\pipe\";
    private readonly string _name;
    private readonly CancellationTokenSource _disposed = new();

    public NamedPipeRelayListener(string name) => _name = name;

    public override string RelayPath => Prefix + _name;

    public override async Task<RelayConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var security = new PipeSecurity();
        var user = WindowsIdentity.GetCurrent().User ?? throw new InvalidOperationException("The current account has no security identifier.");
        security.AddAccessRule(new PipeAccessRule(user, PipeAccessRights.FullControl, AccessControlType.Allow));
        var instance = NamedPipeServerStreamAcl.Create(
            _name, PipeDirection.InOut, NamedPipeServerStream.MaxAllowedServerInstances, PipeTransmissionMode.Byte, PipeOptions.Asynchronous,
            inBufferSize: 0, outBufferSize: 0, security);
        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            await instance.WaitForConnectionAsync(both.Token).ConfigureAwait(false);
            return new RelayConnection(instance, WindowsPipeServer.ClientProcessId(instance), socket: null);
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        _disposed.Dispose();
    }
}

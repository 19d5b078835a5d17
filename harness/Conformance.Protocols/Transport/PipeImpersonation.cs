using System.IO.Pipes;
using System.Runtime.Versioning;

namespace Conformance.Protocols.Transport;

/// <summary>Acting as a pipe's client on Windows, and never acting at all when Windows says no (NP-08).</summary>
[SupportedOSPlatform("windows")]
internal static class PipeImpersonation
{
    /// <summary>
    /// Runs <paramref name="action"/> under the identity of <paramref name="connection"/>'s client. Windows
    /// allows this only once the server has read from the client; when it refuses, <paramref name="action"/>
    /// does not run and the refusal is returned, so the caller turns the request down instead of carrying on
    /// under its own identity.
    /// </summary>
    /// <returns>Null when the action ran as the client; otherwise why it could not.</returns>
    public static string? TryRunAsClient(PipeConnection connection, Action action)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(action);
        if (connection.Stream is not NamedPipeServerStream server)
        {
            return "the connection is not the server end of a Windows pipe";
        }

        var ran = false;
        try
        {
            // RunAsClient runs the action only when ImpersonateNamedPipeClient succeeded, and reverts afterwards.
            server.RunAsClient(() =>
            {
                ran = true;
                action();
            });
            return null;
        }
        catch (Exception exception) when (!ran && exception is IOException or UnauthorizedAccessException)
        {
            return exception.Message;
        }
    }
}

namespace Conformance.Protocols.Transport;

/// <summary>How a <see cref="PipeServer"/> admits clients.</summary>
public sealed class PipeServerOptions
{
    /// <summary>A check on top of the account check, such as the Launcher's client-process check (LC-L16).</summary>
    public ClientAdmission? Admission { get; init; }

    /// <summary>Told of every refused client, after its connection is closed.</summary>
    public Action<ClientRefusal>? Refused { get; init; }

    /// <summary>
    /// The Unix socket file's mode: owner-only by default (NP-07's first layer). Tests widen it to reach the
    /// server's own uid check, the second layer.
    /// </summary>
    public UnixFileMode SocketFileMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite;
}

namespace Conformance.Protocols.Transport;

/// <summary>How many clients a <see cref="PipeListener"/> serves at once, and which ones it admits.</summary>
public sealed class PipeListenerOptions
{
    /// <summary>The most Windows allows for one pipe (255 means unlimited there).</summary>
    public const int MaxAllowedInstances = 254;

    /// <summary>How many clients may be connected at once (NP-02, NP-04); 1 to <see cref="MaxAllowedInstances"/>.</summary>
    public int MaxInstances { get; init; } = 1;

    /// <summary>What a client that connects while every instance is taken meets; "busy", as a named pipe answers, by default.</summary>
    public PipeBusyPolicy WhenBusy { get; init; } = PipeBusyPolicy.Refuse;

    /// <summary>Unix accounts admitted besides the creating one (NP-07: a service may serve another account).</summary>
    public IReadOnlyCollection<uint> AdditionalUserIds { get; init; } = [];

    /// <summary>Windows accounts, as SID strings (<c>S-1-5-…</c>), granted the pipe besides the creating one (NP-07).</summary>
    public IReadOnlyCollection<string> AdditionalSecurityIdentifiers { get; init; } = [];

    /// <summary>
    /// The Unix socket file's mode. By default owner-only, or read-write for everyone when other accounts are
    /// allowed (they need write permission to connect); either way the peer-uid check refuses every account
    /// not allowed, so a widened mode does not open the pipe (NP-07).
    /// </summary>
    public UnixFileMode? SocketFileMode { get; init; }

    /// <summary>A check on top of the account check, such as a check of the client's process.</summary>
    public ClientAdmission? Admission { get; init; }

    /// <summary>Told of every refused client, after its connection is closed.</summary>
    public Action<ClientRefusal>? Refused { get; init; }

    internal UnixFileMode EffectiveSocketFileMode => SocketFileMode ?? (AdditionalUserIds.Count == 0
        ? UnixFileMode.UserRead | UnixFileMode.UserWrite
        : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
}

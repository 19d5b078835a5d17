namespace Conformance.Protocols.Transport;

/// <summary>What the operating system says about a connected client; null where the platform cannot tell.</summary>
/// <param name="ProcessId">The client's process.</param>
/// <param name="UserId">The client's Unix user id (null on Windows, where the pipe's ACL decides).</param>
public sealed record PipeClientIdentity(int? ProcessId, uint? UserId)
{
    /// <inheritdoc />
    public override string ToString() => $"pid {ProcessId?.ToString() ?? "?"}, uid {UserId?.ToString() ?? "?"}";
}

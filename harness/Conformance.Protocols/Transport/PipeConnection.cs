namespace Conformance.Protocols.Transport;

/// <summary>An admitted client: its byte stream, who it is, and why it was let in.</summary>
public sealed class PipeConnection(Stream stream, PipeClientIdentity client, string admission) : IAsyncDisposable
{
    /// <summary>The admission check's reason for letting the client in.</summary>
    public string Admission { get; } = admission;

    /// <summary>The duplex byte stream to the client.</summary>
    public Stream Stream { get; } = stream;

    /// <summary>The client's process and account as the operating system reports them.</summary>
    public PipeClientIdentity Client { get; } = client;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

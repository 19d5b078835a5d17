namespace Conformance.Protocols.Transport;

/// <summary>An admitted client: its byte stream and who it is.</summary>
public sealed class PipeConnection(Stream stream, PipeClientIdentity client) : IAsyncDisposable
{
    /// <summary>The duplex byte stream to the client.</summary>
    public Stream Stream { get; } = stream;

    /// <summary>The client's process and account as the operating system reports them.</summary>
    public PipeClientIdentity Client { get; } = client;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

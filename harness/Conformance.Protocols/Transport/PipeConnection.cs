namespace Conformance.Protocols.Transport;

/// <summary>An admitted client: its byte stream, who it is, and why it was let in.</summary>
public sealed class PipeConnection(Stream stream, PipeClientIdentity client, string admission) : IAsyncDisposable
{
    // Set by a PipeListener: disposing the connection gives its instance back (NP-02).
    private Action? _release;

    internal PipeConnection(Stream stream, PipeClientIdentity client, string admission, Action release)
        : this(stream, client, admission) => _release = release;

    /// <summary>The admission check's reason for letting the client in.</summary>
    public string Admission { get; } = admission;

    /// <summary>The duplex byte stream to the client.</summary>
    public Stream Stream { get; } = stream;

    /// <summary>The client's process and account as the operating system reports them.</summary>
    public PipeClientIdentity Client { get; } = client;

    /// <summary>Closes the stream and, for a listener's connection, frees its instance for the next client.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _release, null)?.Invoke();
        }
    }
}

using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>The other end of a reference client's connection, driven by the test: it reads frames and writes messages, every read bounded.</summary>
internal sealed class PeerEnd(DuplexStream stream) : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly FrameReader _reader = FrameReader.FromStream(stream);

    /// <summary>Writes raw frames, for payloads that are not messages.</summary>
    public FrameWriter Writer { get; } = FrameWriter.ToStream(stream);

    public async Task<FrameReadResult> ReadAsync()
    {
        using var limit = new CancellationTokenSource(Bound);
        return await _reader.ReadAsync(limit.Token);
    }

    public async Task SendAsync(PipeMessage message) => await Writer.WriteAsync(PipeMessageCodec.Encode(message, PayloadKind.Json));

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await _reader.DisposeAsync();
        await stream.DisposeAsync();
    }
}

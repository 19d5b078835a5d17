using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Benchmarks;

/// <summary>
/// The event pipe's pace: an Event goes out, its Confirmation comes back, then the next — encoded, framed, decoded
/// and checked on both sides — against raw request/answer round trips of the same byte sizes over the same socket.
/// Target: confirmed events at 80 % of the raw round trips' rate or better.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the sockets.")]
public class ConfirmedEvents
{
    private const int RoundTrips = 1000;
    private readonly JsonElement _payload = JsonDocument.Parse("""{"bytesIn":1048576,"bytesOut":65536,"server":"vpn.example.test"}""").RootElement.Clone();
    private SocketPair _sockets = null!;
    private FrameWriter _serviceWriter = null!;
    private FrameReader _serviceReader = null!;
    private FrameWriter _clientWriter = null!;
    private FrameReader _clientReader = null!;
    private byte[] _eventBytes = [];
    private byte[] _confirmationBytes = [];
    private readonly byte[] _buffer = new byte[4096];

    /// <summary>Opens the socket, and measures the sizes the raw round trips copy.</summary>
    [GlobalSetup]
    public void Open()
    {
        _sockets = new SocketPair();
        _serviceWriter = FrameWriter.ToStream(_sockets.Left);
        _serviceReader = FrameReader.FromStream(_sockets.Left);
        _clientWriter = FrameWriter.ToStream(_sockets.Right);
        _clientReader = FrameReader.FromStream(_sockets.Right);
        var sample = new Event(Guid.NewGuid(), EventTypes.TrafficChanged, _payload);
        _eventBytes = FrameWriter.Encode(PipeMessageCodec.Encode(sample, PayloadKind.Json));
        _confirmationBytes = FrameWriter.Encode(PipeMessageCodec.Encode(new Confirmation(sample.EventId), PayloadKind.Json));
    }

    /// <summary>Closes it.</summary>
    [GlobalCleanup]
    public void Close()
    {
        foreach (var end in new IAsyncDisposable[] { _serviceWriter, _serviceReader, _clientWriter, _clientReader })
        {
            end.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _sockets.Dispose();
    }

    /// <summary>The baseline: as many bytes as an Event one way and a Confirmation back, raw, a thousand times.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task RawRoundTrips()
    {
        var answering = Task.Run(async () =>
        {
            for (var index = 0; index < RoundTrips; index++)
            {
                await ReadExactlyAsync(_sockets.Right, _eventBytes.Length);
                await _sockets.Right.WriteAsync(_confirmationBytes);
            }
        });
        for (var index = 0; index < RoundTrips; index++)
        {
            await _sockets.Left.WriteAsync(_eventBytes);
            await ReadExactlyAsync(_sockets.Left, _confirmationBytes.Length);
        }

        await answering;
    }

    /// <summary>A thousand events, each encoded, framed, decoded, confirmed and its Confirmation checked before the next.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task EventConfirmationNext()
    {
        var confirming = Task.Run(async () =>
        {
            for (var index = 0; index < RoundTrips; index++)
            {
                var frame = await _clientReader.ReadAsync();
                var @event = (Event)PipeMessageCodec.Decode(frame.Payload.Span).Message!;
                await _clientWriter.WriteAsync(PipeMessageCodec.Encode(new Confirmation(@event.EventId), PayloadKind.Json));
            }
        });
        for (var index = 0; index < RoundTrips; index++)
        {
            var @event = new Event(Guid.NewGuid(), EventTypes.TrafficChanged, _payload);
            await _serviceWriter.WriteAsync(PipeMessageCodec.Encode(@event, PayloadKind.Json));
            var answer = await _serviceReader.ReadAsync();
            if (PipeMessageCodec.Decode(answer.Payload.Span).Message is not Confirmation confirmation || confirmation.EventId != @event.EventId)
            {
                throw new InvalidOperationException("the confirmation does not match the event");
            }
        }

        await confirming;
    }

    private async Task ReadExactlyAsync(Stream stream, int count)
    {
        var left = count;
        while (left > 0)
        {
            left -= await stream.ReadAsync(_buffer.AsMemory(0, Math.Min(left, _buffer.Length)));
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Conformance.Protocols.Framing;

namespace Conformance.Benchmarks;

/// <summary>
/// 64 KiB messages over a Unix socket: the BE32 codec (FrameWriter, a flush per frame; FrameReader reassembling
/// each) against a raw copy of the same bytes. Target: the codec at 90 % of the raw copy's throughput or better.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the sockets.")]
public class FramingThroughput
{
    private const int MessageBytes = 64 * 1024;
    private const int Messages = 256;
    private readonly byte[] _payload = new byte[MessageBytes];
    private readonly byte[] _readBuffer = new byte[MessageBytes];
    private SocketPair _sockets = null!;
    private FrameWriter _writer = null!;
    private FrameReader _reader = null!;

    /// <summary>Opens the socket and the codec's ends once for every run.</summary>
    [GlobalSetup]
    public void Open()
    {
        Random.Shared.NextBytes(_payload);
        _sockets = new SocketPair();
        _writer = FrameWriter.ToStream(_sockets.Left);
        _reader = FrameReader.FromStream(_sockets.Right);
    }

    /// <summary>Closes them.</summary>
    [GlobalCleanup]
    public void Close()
    {
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sockets.Dispose();
    }

    /// <summary>The baseline: 256 writes of 64 KiB, read back to the last byte.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public async Task RawCopy()
    {
        var writing = Task.Run(async () =>
        {
            for (var index = 0; index < Messages; index++)
            {
                await _sockets.Left.WriteAsync(_payload);
            }
        });
        var left = (long)MessageBytes * Messages;
        while (left > 0)
        {
            left -= await _sockets.Right.ReadAsync(_readBuffer);
        }

        await writing;
    }

    /// <summary>256 frames of 64 KiB through FrameWriter and FrameReader.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task Be32Codec()
    {
        var writing = Task.Run(async () =>
        {
            for (var index = 0; index < Messages; index++)
            {
                await _writer.WriteAsync(_payload);
            }
        });
        for (var index = 0; index < Messages; index++)
        {
            var frame = await _reader.ReadAsync();
            if (!frame.IsFrame || frame.Payload.Length != MessageBytes)
            {
                throw new InvalidOperationException($"frame {index}: {frame.Message}");
            }
        }

        await writing;
    }

    /// <summary>The same frames, each payload handed to its reader where it lies in the buffer instead of copied out.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task Be32CodecReadInPlace()
    {
        var writing = Task.Run(async () =>
        {
            for (var index = 0; index < Messages; index++)
            {
                await _writer.WriteAsync(_payload);
            }
        });
        long received = 0;
        for (var index = 0; index < Messages; index++)
        {
            var frame = await _reader.ReadAsync(payload => received += payload.Length);
            if (!frame.IsFrame)
            {
                throw new InvalidOperationException($"frame {index}: {frame.Message}");
            }
        }

        if (received != (long)MessageBytes * Messages)
        {
            throw new InvalidOperationException($"{received} bytes of payload arrived");
        }

        await writing;
    }
}

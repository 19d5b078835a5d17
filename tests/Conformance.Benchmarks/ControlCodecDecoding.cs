using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;

namespace Conformance.Benchmarks;

/// <summary>
/// The LE32 + protobuf control codec decoding small control messages (setup requests) from memory, one reader over
/// 10,000 back-to-back frames. Target (issue 9): a million small control messages a second on one core.
/// </summary>
[MemoryDiagnoser]
public class ControlCodecDecoding
{
    private const int Messages = 10_000;
    private byte[] _frames = [];

    /// <summary>Encodes the frames once.</summary>
    [GlobalSetup]
    public void Encode()
    {
        using var buffer = new MemoryStream();
        for (var index = 0; index < Messages; index++)
        {
            buffer.Write(ControlFraming.Encode(new ExtensionMessage
            {
                Request = new Request
                {
                    RequestId = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = "echo", RelayClientProcessId = 4242 },
                },
            }));
        }

        _frames = buffer.ToArray();
    }

    /// <summary>Reads every frame back into a message.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> Decode()
    {
        var reader = new ControlFrameReader<ExtensionMessage>(PipeReader.Create(new System.Buffers.ReadOnlySequence<byte>(_frames)));
        var count = 0;
        while ((await reader.ReadAsync()).IsMessage)
        {
            count++;
        }

        await reader.DisposeAsync();
        return count;
    }
}

using System.Buffers.Binary;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Protocols.Framing;
using Conformance.Tests.Protocols.Framing;
using Google.Protobuf;

namespace Conformance.Tests.Dcv.Framing;

/// <summary>Control-frame streams, well-formed or not, and the messages they carry.</summary>
internal static class ControlFrames
{
    public static ExtensionMessage Request(string id, Action<Request> fill)
    {
        var request = new Request { RequestId = id };
        fill(request);
        return new ExtensionMessage { Request = request };
    }

    public static ExtensionMessage GetDcvInfo(string id) => Request(id, request => request.GetDcvInfoRequest = new GetDcvInfoRequest());

    public static ExtensionMessage Setup(string id, string name, long pid) =>
        Request(id, request => request.SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = name, RelayClientProcessId = pid });

    /// <summary>The frames of <paramref name="messages"/>, back to back.</summary>
    public static byte[] Of(params IMessage[] messages) => messages.SelectMany(message => ControlFraming.Encode(message)).ToArray();

    /// <summary>A bare little-endian length header.</summary>
    public static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        return header;
    }

    /// <summary>A reader of extension messages over <paramref name="bytes"/> delivered in reads of the given sizes.</summary>
    public static ControlFrameReader<ExtensionMessage> Reader(byte[] bytes, FrameOptions? options = null, params int[] chunkSizes) =>
        new(new ChunkedStream(bytes, chunkSizes), options);

    /// <summary>Every result up to and including the first that is not a message.</summary>
    public static async Task<List<ControlReadResult<TMessage>>> ReadAllAsync<TMessage>(ControlFrameReader<TMessage> reader)
        where TMessage : class, IMessage<TMessage>, new()
    {
        var results = new List<ControlReadResult<TMessage>>();
        while (true)
        {
            var result = await reader.ReadAsync();
            results.Add(result);
            if (!result.IsMessage)
            {
                return results;
            }
        }
    }
}

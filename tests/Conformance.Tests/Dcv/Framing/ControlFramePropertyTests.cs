using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Tests.Protocols.Framing;
using FsCheck;
using Google.Protobuf;

namespace Conformance.Tests.Dcv.Framing;

/// <summary>VC-16 for every stream FsCheck can think of: readers never assume one read returns a whole frame.</summary>
public class ControlFramePropertyTests
{
    [FsCheck.NUnit.Property]
    public bool Any_sequence_of_control_messages_survives_any_split_of_the_stream(byte[][] tokens, long[] pids, PositiveInt[] readSizes)
    {
        var messages = Messages(tokens, pids);
        var results = ReadAll(ControlFrames.Of([.. messages]), readSizes);

        return results[^1].IsEnd
            && results.Count == messages.Count + 1
            && results.Take(messages.Count).Select(result => result.Message).SequenceEqual(messages);
    }

    [FsCheck.NUnit.Property]
    public bool A_stream_cut_anywhere_yields_the_whole_messages_before_the_cut_and_then_where_it_ended(
        byte[][] tokens, long[] pids, NonNegativeInt cutAt, PositiveInt[] readSizes)
    {
        var messages = Messages(tokens, pids);
        var stream = ControlFrames.Of([.. messages]);
        var cut = cutAt.Get % (stream.Length + 1);

        var results = ReadAll(stream[..cut], readSizes);

        var whole = 0;
        var boundary = 0;
        while (whole < messages.Count && boundary + 4 + messages[whole].CalculateSize() <= cut)
        {
            boundary += 4 + messages[whole++].CalculateSize();
        }

        var last = results[^1];
        var into = cut - boundary;
        var endedRight = into == 0
            ? last.IsEnd
            : last.Error == (into < 4 ? ControlFrameError.EndInHeader : ControlFrameError.EndInPayload) && last.BytesReceived == into && last.Offset == boundary;
        return endedRight
            && results.Count == whole + 1
            && results.Take(whole).Select(result => result.Message).SequenceEqual(messages.Take(whole));
    }

    // Setup responses and ready events from DCV, with arbitrary tokens, pids and names (hex, so any bytes stay valid UTF-8).
    private static List<DcvMessage> Messages(byte[][] tokens, long[] pids) =>
        (tokens ?? []).Where(token => token is not null).Select((token, i) => i % 2 == 0
            ? new DcvMessage
            {
                Response = new Response
                {
                    RequestId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Status = Response.Types.Status.Success,
                    SetupVirtualChannelResponse = new SetupVirtualChannelResponse
                    {
                        VirtualChannelName = Convert.ToHexString(token),
                        RelayPath = "relay-" + i,
                        RelayServerProcessId = pids is { Length: > 0 } ? pids[i % pids.Length] : 0,
                        VirtualChannelAuthToken = ByteString.CopyFrom(token),
                    },
                },
            }
            : new DcvMessage { Event = new Event { VirtualChannelReadyEvent = new VirtualChannelReadyEvent { VirtualChannelName = Convert.ToHexString(token) } } })
        .ToList();

    private static List<ControlReadResult<DcvMessage>> ReadAll(byte[] stream, PositiveInt[] readSizes)
    {
        var reader = new ControlFrameReader<DcvMessage>(new ChunkedStream(stream, readSizes.Select(size => size.Get).ToArray()));
        return ControlFrames.ReadAllAsync(reader).GetAwaiter().GetResult();
    }
}

using Conformance.Protocols.Framing;
using FsCheck;

namespace Conformance.Tests.Protocols.Framing;

/// <summary>PM-F04 and PM-F05 for every stream FsCheck can think of, not just the ones written down.</summary>
public class FramePropertyTests
{
    [FsCheck.NUnit.Property]
    public bool Any_non_empty_messages_survive_any_split_of_the_stream_into_reads(NonEmptyArray<byte>[] messages, PositiveInt[] readSizes)
    {
        var payloads = messages.Select(message => message.Get).ToList();
        var stream = payloads.SelectMany(payload => FrameWriter.Encode(payload)).ToArray();

        var results = ReadAll(stream, readSizes);

        return results[^1].IsEnd
            && results.Count == payloads.Count + 1
            && results.Take(payloads.Count).Select(result => result.Payload.ToArray()).SequenceEqual(payloads, ByteArrays.Comparer);
    }

    [FsCheck.NUnit.Property]
    public bool A_stream_cut_anywhere_yields_the_whole_frames_before_the_cut_and_then_where_it_ended(
        NonEmptyArray<byte>[] messages, NonNegativeInt cutAt, PositiveInt[] readSizes)
    {
        var payloads = messages.Select(message => message.Get).ToList();
        var stream = payloads.SelectMany(payload => FrameWriter.Encode(payload)).ToArray();
        var cut = cutAt.Get % (stream.Length + 1);

        var results = ReadAll(stream[..cut], readSizes);

        // The frames that fit wholly before the cut, and how far into the next one the cut falls.
        var whole = 0;
        var boundary = 0;
        while (whole < payloads.Count && boundary + 4 + payloads[whole].Length <= cut)
        {
            boundary += 4 + payloads[whole++].Length;
        }

        var last = results[^1];
        var into = cut - boundary;
        var endedRight = into == 0
            ? last.IsEnd
            : last.Error == (into < 4 ? FrameError.EndInHeader : FrameError.EndInPayload) && last.BytesReceived == into && last.Offset == boundary;
        return endedRight
            && results.Count == whole + 1
            && results.Take(whole).Select(result => result.Payload.ToArray()).SequenceEqual(payloads.Take(whole), ByteArrays.Comparer);
    }

    private static List<FrameReadResult> ReadAll(byte[] stream, PositiveInt[] readSizes)
    {
        var reader = FrameReader.FromStream(new ChunkedStream(stream, readSizes.Select(size => size.Get).ToArray()));
        return Frames.ReadAllAsync(reader).GetAwaiter().GetResult();
    }

    private sealed class ByteArrays : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrays Comparer = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}

using System.Buffers.Binary;
using System.Text;
using Conformance.Protocols.Framing;

namespace Conformance.Tests.Protocols.Framing;

/// <summary>Byte streams of frames, well-formed or not, for the framing tests.</summary>
internal static class Frames
{
    /// <summary>The frames carrying each of <paramref name="payloads"/>, back to back.</summary>
    public static byte[] Of(params string[] payloads) =>
        payloads.SelectMany(payload => FrameWriter.Encode(Encoding.UTF8.GetBytes(payload))).ToArray();

    /// <summary>A bare length header, as a hostile or broken peer might send it.</summary>
    public static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, length);
        return header;
    }

    /// <summary>A reader over <paramref name="bytes"/> delivered in reads of the given sizes.</summary>
    public static FrameReader Reader(byte[] bytes, FrameOptions? options = null, params int[] chunkSizes) =>
        FrameReader.FromStream(new ChunkedStream(bytes, chunkSizes), options);

    /// <summary>Every result up to and including the first that is not a frame.</summary>
    public static async Task<List<FrameReadResult>> ReadAllAsync(FrameReader reader)
    {
        var results = new List<FrameReadResult>();
        while (true)
        {
            var result = await reader.ReadAsync();
            results.Add(result);
            if (!result.IsFrame)
            {
                return results;
            }
        }
    }

    /// <summary>The payloads of the frames among <paramref name="results"/>, as text.</summary>
    public static IEnumerable<string> Texts(IEnumerable<FrameReadResult> results) =>
        results.Where(result => result.IsFrame).Select(result => Encoding.UTF8.GetString(result.Payload.Span));
}

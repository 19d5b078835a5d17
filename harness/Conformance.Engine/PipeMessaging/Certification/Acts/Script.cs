using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.Certification.Acts;

/// <summary>The pieces the acts are made of: messages, frames good and bad, and waits that read a connection in order.</summary>
internal static class Script
{
    /// <summary>Room over a deadline for the harness's own waits, so that lateness is judged, not cut short.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>"Promptly": within a second (REQUIREMENTS).</summary>
    public static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);

    // Where the other side's reading cannot be seen, the pause between pieces that lets it wake up.
    private static readonly TimeSpan FallbackApart = TimeSpan.FromMilliseconds(5);

    // How long a piece waits for the other side to take the last before the pieces fall back to pauses.
    private static readonly TimeSpan TakenBound = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When a "just inside" action comes in real time: at 60 % of the deadline. The exact boundary is checked on the
    /// reference roles under a manual clock; against a process, the margin keeps a loaded machine from deciding.
    /// </summary>
    public static TimeSpan Inside(TimeSpan deadline) => deadline * 0.6;

    public static bool IsServiceHandshake(PipeMessage message) => message is Handshake { Sender: HandshakeSender.Service };

    public static bool IsClientHandshake(PipeMessage message) => message is Handshake { Sender: HandshakeSender.Client };

    public static Handshake ClientHandshake { get; } = new(HandshakeSender.Client);

    public static Handshake ServiceHandshake { get; } = new(HandshakeSender.Service);

    /// <summary>An event the harness sends, labelled in its payload.</summary>
    public static Event EventLabelled(string label, string eventType = "StateChanged") =>
        new(Guid.NewGuid(), eventType, JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["label"] = label }));

    /// <summary>The label in an event's payload.</summary>
    public static string? LabelOf(Event @event) =>
        @event.Payload.ValueKind == JsonValueKind.Object && @event.Payload.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : null;

    /// <summary>An Echo request, as the harness sends servers under test.</summary>
    public static Request Echo(string label) =>
        new(Guid.NewGuid(), CommandHandler.Echo, JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["probe"] = label }));

    /// <summary>One whole frame.</summary>
    public static byte[] Frame(PipeMessage message, PayloadKind kind = PayloadKind.Json) => FrameWriter.Encode(PipeMessageCodec.Encode(message, kind));

    /// <summary>
    /// A frame whose JSON is whole before its last <paramref name="padding"/> bytes (spaces): cutting those off leaves a
    /// message a careless receiver could act on, though the frame never completed (PM-F05).
    /// </summary>
    public static byte[] PaddedFrame(PipeMessage message, int padding) =>
        FrameWriter.Encode([.. PipeMessageCodec.Encode(message, PayloadKind.Json), .. Enumerable.Repeat((byte)' ', padding)]);

    /// <summary>A length header claiming <paramref name="length"/>, followed by <paramref name="following"/> spaces.</summary>
    public static byte[] Header(uint length, int following = 0)
    {
        var bytes = new byte[4 + following];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, length);
        bytes.AsSpan(4).Fill((byte)' ');
        return bytes;
    }

    /// <summary>A frame holding <paramref name="payload"/> as it is.</summary>
    public static byte[] Raw(byte[] payload) => FrameWriter.Encode(payload);

    /// <summary>A frame holding <paramref name="text"/> in UTF-8.</summary>
    public static byte[] Text(string text) => FrameWriter.Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Writes <paramref name="bytes"/> in <paramref name="pieces"/> pieces. With <paramref name="apart"/> each piece
    /// follows the last after that pause (a slow drip, a deadline being tested). Without, each follows as soon as the
    /// other side has taken the last, so that every piece is a read of its own however busy the machine, and the
    /// pieces cost no more time than the reading does; where that cannot be seen, a short pause stands in.
    /// </summary>
    public static async Task SendInPiecesAsync(LiveStage stage, FramePeer peer, byte[] bytes, int pieces, TimeSpan? apart, string what)
    {
        var size = Math.Max(1, (int)Math.Ceiling(bytes.Length / (double)pieces));
        var seesTaking = apart is null;
        for (var offset = 0; offset < bytes.Length && !peer.Ended; offset += size)
        {
            if (offset > 0 && !seesTaking)
            {
                await stage.PauseAsync(apart ?? FallbackApart).ConfigureAwait(false);
            }

            await peer.SendBytesAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), $"{what}, from byte {offset + 1}", stage.Cancellation).ConfigureAwait(false);
            if (seesTaking)
            {
                seesTaking = await peer.WaitUntilTakenAsync(TakenBound, stage.Cancellation).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Reads one connection in order: each wait looks only past what an earlier wait consumed.</summary>
internal sealed class Cursor(FramePeer peer, CancellationToken cancellation)
{
    private int _next;

    /// <summary>The connection.</summary>
    public FramePeer Peer => peer;

    /// <summary>The next received message matching <paramref name="match"/>, within <paramref name="bound"/>; null when none came, or the connection ended.</summary>
    public async Task<WireEntry?> NextAsync(Func<PipeMessage, bool> match, TimeSpan bound)
    {
        var entry = await peer.WaitForAsync(match, bound, _next, cancellation).ConfigureAwait(false);
        if (entry is not null)
        {
            _next = peer.Entries.ToList().IndexOf(entry) + 1;
        }

        return entry;
    }

    /// <summary>Waits until the other side ends the connection, at most <paramref name="bound"/>; true when it did.</summary>
    public Task<bool> EndAsync(TimeSpan bound) => peer.WaitUntilAsync(candidate => candidate.Ended, bound, cancellation);
}

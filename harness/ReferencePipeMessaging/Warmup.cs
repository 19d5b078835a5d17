using System.Text.Json;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace ReferencePipeMessaging;

/// <summary>
/// Runs the codec once over every message in both forms before the pipes open: a freshly started process
/// otherwise compiles it while answering its first client, which on a loaded machine can cost more than a
/// deadline's tolerance.
/// </summary>
internal static class Warmup
{
    public static async Task RunAsync()
    {
        var payload = JsonDocument.Parse("""{"label":"warm-up"}""").RootElement.Clone();
        PipeMessage[] messages =
        [
            new Handshake(HandshakeSender.Client),
            new Event(Guid.NewGuid(), EventTypes.TrafficChanged, payload),
            new Confirmation(Guid.NewGuid()),
            new Request(Guid.NewGuid(), ConformanceCommands.EmitEvent, payload),
            Response.Success(Guid.NewGuid(), payload),
            Response.Failure(Guid.NewGuid(), "warm-up"),
        ];
        using var stream = new MemoryStream();
        await using (var writer = FrameWriter.ToStream(stream))
        {
            foreach (var message in messages)
            {
                foreach (var kind in new[] { PayloadKind.Json, PayloadKind.Xml })
                {
                    await writer.WriteAsync(PipeMessageCodec.Encode(message, kind));
                }
            }
        }

        stream.Position = 0;
        await using var reader = FrameReader.FromStream(stream);
        while (await reader.ReadAsync() is { IsFrame: true } frame)
        {
            _ = PipeMessageCodec.Decode(frame.Payload.Span);
        }
    }
}

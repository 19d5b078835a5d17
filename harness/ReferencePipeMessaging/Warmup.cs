using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Protocols.Transport;
using Conformance.Reference.PipeMessaging;

namespace ReferencePipeMessaging;

/// <summary>
/// Runs one whole exchange with a throw-away service over a throw-away pipe before the real pipes open: a freshly
/// started process otherwise compiles the codec, the actor and the socket code while answering its first client,
/// which on a busy machine can cost more than a deadline's tolerance.
/// </summary>
internal static class Warmup
{
    public static async Task RunAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var name = PipeName.NewUnique("warm");
        await using var service = new EventPipeService();
        await using var listener = PipeListener.Listen(name);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
        var serving = PipeHosting.ServeAsync(listener, service.Attach, stop.Token);
        try
        {
            await using var client = await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default, limit.Token);
            await using var writer = FrameWriter.ToStream(client);
            await using var reader = FrameReader.FromStream(client);
            foreach (var kind in new[] { PayloadKind.Xml, PayloadKind.Json })
            {
                await writer.WriteAsync(PipeMessageCodec.Encode(new Handshake(HandshakeSender.Client), kind), limit.Token);
            }

            var answer = await reader.ReadAsync(limit.Token);
            _ = PipeMessageCodec.Decode(answer.Payload.Span);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or OperationCanceledException)
        {
            // A warm-up that cannot finish changes nothing: the real pipes open all the same.
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
        }
    }
}

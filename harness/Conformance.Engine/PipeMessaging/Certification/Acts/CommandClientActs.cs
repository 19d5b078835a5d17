using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Protocols.PipeMessaging;
using static Conformance.Engine.PipeMessaging.Certification.Acts.Script;

namespace Conformance.Engine.PipeMessaging.Certification.Acts;

/// <summary>What the harness, in the server's place, does to a command-pipe client under test, in real time.</summary>
internal static class CommandClientActs
{
    public const string InPieces = "a server that answers at once, in pieces";
    public const string Slow = "a server that answers slowly";
    public const string CutOff = "a server that cuts its answer off";

    /// <summary>The client's connection and its request; null, with the reason recorded, when either never came.</summary>
    private static async Task<(FramePeer Peer, Request Request)?> RequestAsync(LiveStage stage, string name, TimeSpan bound)
    {
        if (await stage.AcceptAsync(name, bound).ConfigureAwait(false) is not { } peer)
        {
            return null;
        }

        if (await new Cursor(peer, stage.Cancellation).NextAsync(message => message is Request, Promptly + Slack).ConfigureAwait(false) is not { Message: Request request })
        {
            return null;
        }

        return (peer, request);
    }

    private static Task<(FramePeer Peer, Request Request)?> FirstRequestAsync(LiveStage stage) =>
        RequestAsync(stage, "connection 1", stage.Target.Timeout(TimeoutNames.Connect)).ContinueWith(
            task =>
            {
                if (task.Result is null)
                {
                    stage.Run.Missing = $"the client did not connect and send its request within connectSeconds ({stage.Target.Timeout(TimeoutNames.Connect).TotalSeconds:0.###} s)";
                }

                return task.Result;
            },
            TaskScheduler.Default);

    /// <summary>The answer to <paramref name="request"/>: its parameters echoed.</summary>
    private static Response AnswerTo(Request request) => Response.Success(request.RequestId, request.Parameters);

    public static async Task InPiecesAsync(LiveStage stage)
    {
        if (await FirstRequestAsync(stage).ConfigureAwait(false) is not { } exchange)
        {
            return;
        }

        // PM-F04: the answer in five pieces, each once the client has read the last.
        await SendInPiecesAsync(stage, exchange.Peer, Frame(AnswerTo(exchange.Request)), 5, apart: null, "the Response in five pieces").ConfigureAwait(false);
        stage.Mark("answered");
        await stage.WaitForExitAsync(stage.Target.Timeout(TimeoutNames.Exit)).ConfigureAwait(false);
    }

    public static async Task SlowAsync(LiveStage stage)
    {
        if (await FirstRequestAsync(stage).ConfigureAwait(false) is not { } exchange)
        {
            return;
        }

        // PM-C04: held until just before the time the client must wait, within the early tolerance.
        var hold = stage.Target.Timeout(TimeoutNames.Response) - stage.Target.Tolerance.Early;
        var waitFrom = exchange.Peer.Received[0].At;
        var left = hold - (stage.Now - waitFrom);
        if (left > TimeSpan.Zero)
        {
            await stage.PauseAsync(left).ConfigureAwait(false);
        }

        stage.Mark("answered");
        await exchange.Peer.SendAsync(AnswerTo(exchange.Request), cancellationToken: stage.Cancellation).ConfigureAwait(false);
        await stage.WaitForExitAsync(stage.Target.Timeout(TimeoutNames.Exit)).ConfigureAwait(false);
    }

    public static async Task CutOffAsync(LiveStage stage)
    {
        if (await FirstRequestAsync(stage).ConfigureAwait(false) is not { } exchange)
        {
            return;
        }

        // PM-F05: the Response's JSON is whole but its frame is not; then the connection ends.
        var frame = PaddedFrame(AnswerTo(exchange.Request), 10);
        await exchange.Peer.SendBytesAsync(frame.AsMemory(0, frame.Length - 10), "the Response without the last 10 bytes of its frame", stage.Cancellation).ConfigureAwait(false);
        await stage.PauseAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        await exchange.Peer.DisposeAsync().ConfigureAwait(false);
        stage.Mark("cut off");

        // A client that tries again gets a whole answer.
        if (await RequestAsync(stage, "connection 2", TimeSpan.FromSeconds(2)).ConfigureAwait(false) is { } retry)
        {
            await retry.Peer.SendAsync(AnswerTo(retry.Request), cancellationToken: stage.Cancellation).ConfigureAwait(false);
        }

        await stage.WaitForExitAsync(stage.Target.Timeout(TimeoutNames.Exit)).ConfigureAwait(false);
    }
}

using Conformance.Engine.LauncherConnector.Launcher;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>What stopping a reference role must do to the client it serves and the ones waiting, whichever role it is.</summary>
internal static class RoleStopping
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Attaches a client to be served and one to wait, stops <paramref name="role"/>, and checks that both were closed and reported ended, the served one first.</summary>
    public static async Task ClosesTheServedThenEveryWaitingClientAsync(IAsyncDisposable role, Action<Stream, Action> attach)
    {
        var (servedClient, servedEnd) = DuplexStream.CreatePair();
        var (waitingClient, waitingEnd) = DuplexStream.CreatePair();
        await using var first = servedClient;
        await using var second = waitingClient;
        var ends = new List<string>();
        attach(servedEnd, () => ends.Add("served"));
        attach(waitingEnd, () => ends.Add("waiting"));

        await role.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.That(ends, Is.EqualTo(new[] { "served", "waiting" }));
        using var limit = new CancellationTokenSource(Bound);
        Assert.That(await waitingClient.ReadAsync(new byte[1], limit.Token), Is.Zero, "the waiting client's pipe was closed");
    }
}

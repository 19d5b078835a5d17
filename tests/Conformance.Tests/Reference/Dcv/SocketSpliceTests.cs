using System.Net.Sockets;
using Conformance.Reference.Dcv;
using Conformance.Tests.Support;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The broker's zero-copy relay on Linux (VC-12): bytes carried unchanged both ways, and an end that ends it.</summary>
[Platform("Linux")]
public class SocketSpliceTests
{
    [Test]
    public async Task Carries_bytes_unchanged_both_ways_between_two_sockets()
    {
        var (left, brokerLeft) = Pair();
        var (brokerRight, right) = Pair();
        using var _ = Disposables(left, brokerLeft, brokerRight, right);
        var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight);
        var leftToRight = RelayBytes.Random(5 * 1024 * 1024 + 3);
        var rightToLeft = RelayBytes.Random(777);

        await using var leftStream = new NetworkStream(left);
        await using var rightStream = new NetworkStream(right);
        var writing = Task.WhenAll(leftStream.WriteAsync(leftToRight).AsTask(), rightStream.WriteAsync(rightToLeft).AsTask());
        var atRight = RelayBytes.ReadExactlyAsync(rightStream, leftToRight.Length);
        var atLeft = RelayBytes.ReadExactlyAsync(leftStream, rightToLeft.Length);
        await Task.WhenAll(writing, atRight, atLeft).WaitAsync(ScriptedParty.Bound);

        Assert.That(atRight.Result, Is.EqualTo(leftToRight));
        Assert.That(atLeft.Result, Is.EqualTo(rightToLeft));
        Assert.That(relaying.IsCompleted, Is.False, "both ends are still open");
    }

    [Test]
    public async Task Ends_both_directions_when_one_side_closes_while_the_other_stays_idle()
    {
        var (left, brokerLeft) = Pair();
        var (brokerRight, right) = Pair();
        using var _ = Disposables(brokerLeft, brokerRight, right);
        var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight);

        left.Dispose();

        Assert.That(async () => await relaying.WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    [Test]
    public async Task Ends_when_the_relay_connections_are_disposed_under_it()
    {
        var (left, brokerLeft) = Pair();
        var (brokerRight, right) = Pair();
        using var _ = Disposables(left, right);
        var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight);

        // The broker tearing a channel down disposes its connections while both threads wait on them.
        brokerLeft.Dispose();
        brokerRight.Dispose();

        Assert.That(async () => await relaying.WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    private static (Socket Client, Socket Server) Pair() => UnixSocketPair.Sockets();

    private static IDisposable Disposables(params Socket[] sockets) => new Owned(sockets);

    private sealed class Owned(Socket[] sockets) : IDisposable
    {
        public void Dispose()
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }
}

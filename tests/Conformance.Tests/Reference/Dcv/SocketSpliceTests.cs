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
        var (atRight, atLeft) = await RelayBytes.CarryBothWaysAsync(leftStream, rightStream, leftToRight, rightToLeft);

        Assert.That(atRight, Is.EqualTo(leftToRight));
        Assert.That(atLeft, Is.EqualTo(rightToLeft));
        Assert.That(relaying.IsCompleted, Is.False, "both ends are still open");
    }

    // A direction waits by polling its own socket, which wakes as soon as bytes come. With polls of a minute, a wait
    // on anything else would end only at its timeout, far past the bound; the test's own closes wake both directions.
    [Test]
    public async Task Carries_each_message_as_soon_as_it_comes_not_at_the_next_poll()
    {
        var (left, brokerLeft) = Pair();
        var (brokerRight, right) = Pair();
        using var owned = Disposables(brokerLeft, brokerRight);
        var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight, pollMilliseconds: 60_000);
        using (left)
        using (right)
        {
            await using var leftStream = new NetworkStream(left);
            await using var rightStream = new NetworkStream(right);
            for (var trip = 0; trip < 3; trip++)
            {
                await leftStream.WriteAsync(new[] { (byte)trip });
                var there = await RelayBytes.ReadExactlyAsync(rightStream, 1).WaitAsync(ScriptedParty.Bound);
                await rightStream.WriteAsync(there);
                Assert.That(await RelayBytes.ReadExactlyAsync(leftStream, 1).WaitAsync(ScriptedParty.Bound), Is.EqualTo(new[] { (byte)trip }));
            }
        }

        await relaying.WaitAsync(ScriptedParty.Bound);
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

    [Test]
    public void Splices_only_between_two_socket_streams()
    {
        var (left, right) = Pair();
        using var owned = Disposables(left, right);
        using var leftStream = new NetworkStream(left);
        using var rightStream = new NetworkStream(right);
        using var memory = new MemoryStream();

        Assert.That(SocketSplice.Supports(leftStream, rightStream, out var first, out var second), Is.True);
        Assert.That((first, second), Is.EqualTo((left, right)));
        Assert.That(SocketSplice.Supports(memory, rightStream, out _, out _), Is.False);
        Assert.That(SocketSplice.Supports(leftStream, memory, out _, out _), Is.False);
    }

    // TCP, unlike a Unix socket, waits in a splice from a blocking socket whatever the splice's flags say: an idle
    // blocking end would keep its direction, and so the relay, from ever ending.
    [TestCase(true)]
    [TestCase(false)]
    public async Task Ends_a_tcp_relay_when_either_side_closes_while_the_other_stays_idle(bool leftCloses)
    {
        var (left, brokerLeft) = TcpPair();
        var (brokerRight, right) = TcpPair();
        using var _ = Disposables(left, brokerLeft, brokerRight, right);
        var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight);

        (leftCloses ? left : right).Dispose();

        Assert.That(async () => await relaying.WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    [Test]
    public async Task Ends_when_the_receiving_side_no_longer_takes_bytes()
    {
        var (left, brokerLeft) = Pair();
        var (brokerRight, right) = Pair();
        using var _ = Disposables(left, brokerLeft, brokerRight, right);
        var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight);

        // Writing into a socket whose peer shut its receiving side fails for good (EPIPE), not "try again".
        right.Shutdown(SocketShutdown.Receive);
        left.Send(RelayBytes.Random(100));

        Assert.That(async () => await relaying.WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    [Test]
    public async Task Ends_when_a_connection_cannot_be_read_from()
    {
        // An unconnected stream socket fails every read for good (EINVAL), not "try again".
        using var unconnected = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var (brokerRight, right) = Pair();
        using var _ = Disposables(brokerRight, right);

        var relaying = SocketSplice.RunAsync(unconnected, brokerRight);

        Assert.That(async () => await relaying.WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    [Test]
    public async Task Ends_at_once_when_a_connection_was_disposed_before_it_began()
    {
        var (left, brokerLeft) = Pair();
        var (brokerRight, right) = Pair();
        using var _ = Disposables(left, brokerRight, right);
        brokerLeft.Dispose();

        Assert.That(async () => await SocketSplice.RunAsync(brokerLeft, brokerRight).WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    // Counts the whole process's pipes, so no other test may open or close any meanwhile.
    [Test]
    [NonParallelizable]
    public async Task Closes_its_kernel_pipes_when_it_ends()
    {
        var before = OpenPipes();

        // Each relay opens a pipe per direction: a few relays leaking them would show whatever else the process does.
        for (var relay = 0; relay < 8; relay++)
        {
            var (left, brokerLeft) = Pair();
            var (brokerRight, right) = Pair();
            using var _ = Disposables(brokerLeft, brokerRight, right);
            var relaying = SocketSplice.RunAsync(brokerLeft, brokerRight);
            left.Dispose();
            await relaying.WaitAsync(ScriptedParty.Bound);
        }

        Assert.That(OpenPipes(), Is.LessThan(before + 8));
    }

    private static int OpenPipes() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(descriptor => descriptor.LinkTarget?.StartsWith("pipe:", StringComparison.Ordinal) == true);

    private static (Socket Client, Socket Server) TcpPair()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        return (client, listener.Accept());
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

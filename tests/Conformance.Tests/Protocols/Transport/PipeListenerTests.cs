using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Conformance.Protocols.Transport;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.Transport;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class PipeListenerTests
{
    // Bounds only a failing test reaches; generous, since the machine may be loaded.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // Starting a process as another account takes longer still.
    private static readonly TimeSpan OtherAccountBound = TimeSpan.FromSeconds(30);

    private static readonly UnixFileMode Everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
        | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>Writes from the server's end: a client that reads it was served, not dropped.</summary>
    private static async Task SendAsync(PipeConnection connection, string text) =>
        await connection.Stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask().WaitAsync(Bound);

    private static async Task<string> ReceiveAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Bound);
        return Encoding.ASCII.GetString(buffer);
    }

    private static async Task<Stream> ConnectOnceAsync(string name)
    {
        var (stream, refusal) = await PipeClient.TryConnectOnceAsync(name);
        return stream ?? throw new AssertionException($"the connect was refused: {refusal}");
    }

    [Platform(Exclude = "Win")]
    public class Instances
    {
        [Test]
        public async Task Backlog_keeps_later_clients_waiting_and_serves_them_in_order_once_the_instance_frees()
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { WhenBusy = PipeBusyPolicy.Backlog });
            await using var first = await ConnectOnceAsync(name);
            var firstConnection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);

            await using var second = await ConnectOnceAsync(name);
            await using var third = await ConnectOnceAsync(name);
            var nextAccept = listener.AcceptAsync(CancellationToken.None);
            await Task.Delay(200);

            Assert.That(nextAccept.IsCompleted, Is.False, "no second instance while the first is taken");
            Assert.That(listener.IsListening, Is.True, "under Backlog the socket keeps listening");
            Assert.That(listener.InstancesInUse, Is.EqualTo(1));

            await firstConnection.DisposeAsync();
            await using (var secondConnection = await nextAccept.WaitAsync(Bound))
            {
                await SendAsync(secondConnection, "2");
            }

            await using (var thirdConnection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound))
            {
                await SendAsync(thirdConnection, "3");
            }

            Assert.That(await ReceiveAsync(second, 1), Is.EqualTo("2"));
            Assert.That(await ReceiveAsync(third, 1), Is.EqualTo("3"));
        }

        [Test]
        public async Task Refuse_turns_a_client_away_at_once_while_busy_and_a_retrying_client_gets_in_once_the_instance_frees()
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { WhenBusy = PipeBusyPolicy.Refuse });
            await using var owner = await ConnectOnceAsync(name);
            var ownerConnection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);

            var clock = Stopwatch.StartNew();
            var (busy, refusal) = await PipeClient.TryConnectOnceAsync(name);
            var refusedAfter = clock.Elapsed;
            TestContext.Out.WriteLine($"refused after {refusedAfter.TotalMilliseconds:0.###} ms");

            Assert.That(busy, Is.Null, "no client gets in while the only instance is taken");
            Assert.That(refusal, Is.EqualTo(nameof(SocketError.ConnectionRefused)));
            Assert.That(refusedAfter, Is.LessThan(TimeSpan.FromSeconds(2)), "refused at once, not after a wait");
            Assert.That(listener.IsListening, Is.False);
            Assert.That(File.Exists(PipeName.UnixSocketPath(name)), Is.True, "the pipe's path stays while busy");

            var retrying = PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default);
            var nextAccept = listener.AcceptAsync(CancellationToken.None);
            await Task.Delay(200);
            Assert.That(retrying.IsCompleted, Is.False, "the retrying client is still being refused");

            await ownerConnection.DisposeAsync();
            await using var latecomer = await retrying.WaitAsync(Bound);
            await using (var latecomerConnection = await nextAccept.WaitAsync(Bound))
            {
                await SendAsync(latecomerConnection, "2");
            }

            Assert.That(await ReceiveAsync(latecomer, 1), Is.EqualTo("2"));
        }

        [Test]
        public async Task Refuse_serves_the_clients_the_kernel_had_queued_when_the_pipe_went_busy_instead_of_dropping_them()
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { WhenBusy = PipeBusyPolicy.Refuse });
            var clients = new List<Stream>();
            for (var i = 0; i < 3; i++)
            {
                clients.Add(await ConnectOnceAsync(name));
            }

            try
            {
                var served = new List<string>();
                for (var i = 1; i <= 3; i++)
                {
                    await using (var connection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound))
                    {
                        if (i == 1)
                        {
                            var (late, refusal) = await PipeClient.TryConnectOnceAsync(name);
                            Assert.That(late, Is.Null, "a client that comes once the pipe is busy is refused");
                            Assert.That(refusal, Is.EqualTo(nameof(SocketError.ConnectionRefused)));
                        }

                        await SendAsync(connection, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    var (bytes, ended) = await StreamReading.ReadUntilEndAsync(clients[i - 1], Bound);
                    Assert.That(ended, Is.True);
                    served.Add(Encoding.ASCII.GetString(bytes));
                }

                Assert.That(served, Is.EqualTo(new[] { "1", "2", "3" }), "each queued client was served, in the order it connected");
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }
        }

        [TestCase(PipeBusyPolicy.Refuse)]
        [TestCase(PipeBusyPolicy.Backlog)]
        public async Task A_burst_of_50_clients_never_has_more_than_3_connected_and_every_one_is_served(PipeBusyPolicy whenBusy)
        {
            const int clients = 50;
            const int maxInstances = 3;
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = maxInstances, WhenBusy = whenBusy });
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var connected = 0;
            var peak = 0;
            var instancesSeen = new ConcurrentBag<int>();

            async Task ServeAsync(PipeConnection connection)
            {
                var now = Interlocked.Increment(ref connected);
                InterlockedMax(ref peak, now);
                instancesSeen.Add(listener.InstancesInUse);

                // A little work while holding the instance, so that clients pile up against the limit.
                await Task.Delay(20, stop.Token);
                var index = new byte[1];
                await connection.Stream.ReadExactlyAsync(index, stop.Token);
                await connection.Stream.WriteAsync(index, stop.Token);
                Interlocked.Decrement(ref connected);
                await connection.DisposeAsync();
            }

            async Task ServeAllAsync()
            {
                var handlers = new List<Task>();
                for (var i = 0; i < clients; i++)
                {
                    var connection = await listener.AcceptAsync(stop.Token);
                    handlers.Add(ServeAsync(connection));
                }

                await Task.WhenAll(handlers);
            }

            // Generous for a loaded machine: 50 clients backing off up to 1 s each.
            var policy = new RetryPolicy { TotalWait = TimeSpan.FromSeconds(30) };

            async Task<byte> ClientAsync(byte index)
            {
                await using var stream = await PipeClient.ConnectWithRetryAsync(name, policy, stop.Token);
                await stream.WriteAsync(new[] { index }, stop.Token);
                var (bytes, ended) = await StreamReading.ReadUntilEndAsync(stream, TimeSpan.FromSeconds(30));
                return ended && bytes.Length == 1 ? bytes[0] : throw new AssertionException($"client {index} got {bytes.Length} bytes (ended: {ended})");
            }

            var server = Task.Run(ServeAllAsync);
            var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync((byte)i)))).WaitAsync(stop.Token);
            await server.WaitAsync(stop.Token);
            TestContext.Out.WriteLine($"peak of {peak} connected at once");

            Assert.That(answers, Is.EqualTo(Enumerable.Range(0, clients).Select(i => (byte)i)), "every client was served its own exchange");
            Assert.That(peak, Is.InRange(1, maxInstances));
            Assert.That(instancesSeen, Has.All.InRange(1, maxInstances));
            Assert.That(listener.InstancesInUse, Is.Zero);
        }

        [TestCase(PipeBusyPolicy.Refuse)]
        [TestCase(PipeBusyPolicy.Backlog)]
        public async Task Hands_out_no_more_than_MaxInstances_connections_and_the_next_one_once_one_is_disposed(PipeBusyPolicy whenBusy)
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = 3, WhenBusy = whenBusy });
            var clients = new List<Stream>();
            var connections = new List<PipeConnection>();
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    clients.Add(await ConnectOnceAsync(name));
                    connections.Add(await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound));
                }

                var fourth = PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default);
                var fourthAccept = listener.AcceptAsync(CancellationToken.None);
                await Task.Delay(200);

                Assert.That(listener.InstancesInUse, Is.EqualTo(3));
                Assert.That(fourthAccept.IsCompleted, Is.False, "a fourth client gets no instance while three are taken");
                Assert.That(listener.IsListening, Is.EqualTo(whenBusy == PipeBusyPolicy.Backlog));

                await connections[1].DisposeAsync();
                clients.Add(await fourth.WaitAsync(Bound));
                connections.Add(await fourthAccept.WaitAsync(Bound));
                await SendAsync(connections[3], "4");

                Assert.That(await ReceiveAsync(clients[3], 1), Is.EqualTo("4"));
                Assert.That(listener.InstancesInUse, Is.EqualTo(3));
            }
            finally
            {
                foreach (var connection in connections)
                {
                    await connection.DisposeAsync();
                }

                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }
        }

        [Test]
        public void Refuses_an_instance_count_Windows_could_not_have()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => PipeListener.Listen(PipeName.NewUnique("test"), new PipeListenerOptions { MaxInstances = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => PipeListener.Listen(PipeName.NewUnique("test"), new PipeListenerOptions { MaxInstances = 255 }));
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var current = Volatile.Read(ref target);
            while (value > current)
            {
                var seen = Interlocked.CompareExchange(ref target, value, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }

    [Platform(Exclude = "Win")]
    public class Accounts
    {
        [Test]
        public async Task Refuses_another_account_by_its_uid_with_no_byte_when_the_mode_is_widened_and_serves_the_rightful_client()
        {
            OtherAccount.RequireIt();
            var name = PipeName.NewUnique("test");
            var refusals = new ConcurrentQueue<ClientRefusal>();
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { SocketFileMode = Everyone, Refused = refusals.Enqueue });
            var accept = listener.AcceptAsync(CancellationToken.None);

            var outcome = await OtherAccount.TryConnectAsync(PipeName.UnixSocketPath(name));
            await using var rightful = await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default);
            await using (var connection = await accept.WaitAsync(OtherAccountBound))
            {
                Assert.That(connection.Client.UserId, Is.EqualTo(0u));
                await SendAsync(connection, "ok");
            }

            Assert.That(File.GetUnixFileMode(PipeName.UnixSocketPath(name)), Is.EqualTo(Everyone));
            Assert.That(outcome, Is.EqualTo("read 0 bytes"));
            Assert.That(refusals.Single().Reason, Does.Contain("uid 65534"));
            Assert.That(await ReceiveAsync(rightful, 2), Is.EqualTo("ok"));
        }

        [Test]
        public async Task Admits_an_allowed_other_account_and_widens_the_mode_so_it_can_connect()
        {
            OtherAccount.RequireIt();
            var nobody = await OtherAccount.UserIdAsync();
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { AdditionalUserIds = [nobody] });
            var accept = listener.AcceptAsync(CancellationToken.None);

            var outcome = OtherAccount.TryConnectAsync(PipeName.UnixSocketPath(name));
            await using (var connection = await accept.WaitAsync(OtherAccountBound))
            {
                Assert.That(connection.Client.UserId, Is.EqualTo(nobody));
                await SendAsync(connection, "hi");
            }

            Assert.That(await outcome, Is.EqualTo("read 2 bytes"));
            Assert.That(File.GetUnixFileMode(PipeName.UnixSocketPath(name)), Is.EqualTo(Everyone));
        }

        [Test]
        public async Task A_mode_widened_for_one_allowed_account_still_refuses_every_other_account()
        {
            OtherAccount.RequireIt();
            var nobody = await OtherAccount.UserIdAsync();
            var name = PipeName.NewUnique("test");
            var refused = new TaskCompletionSource<ClientRefusal>(TaskCreationOptions.RunContinuationsAsynchronously);
            var options = new PipeListenerOptions { AdditionalUserIds = [nobody - 1], Refused = refusal => refused.TrySetResult(refusal) };
            await using var listener = PipeListener.Listen(name, options);
            var accept = listener.AcceptAsync(CancellationToken.None);

            var outcome = await OtherAccount.TryConnectAsync(PipeName.UnixSocketPath(name));
            var refusal = await refused.Task.WaitAsync(Bound);

            Assert.That(outcome, Is.EqualTo("read 0 bytes"));
            Assert.That(refusal.Reason, Does.Contain($"uid {nobody}"));
            Assert.That(accept.IsCompleted, Is.False, "the listener goes on waiting for an allowed client");
            Assert.That(listener.InstancesInUse, Is.Zero, "a refused client holds no instance");
        }

        [Test]
        public async Task Keeps_the_socket_file_owner_only_by_default()
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name);

            Assert.That(File.GetUnixFileMode(PipeName.UnixSocketPath(name)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        [Test]
        public async Task Closes_a_client_whose_admission_check_throws_and_gives_its_instance_back()
        {
            var name = PipeName.NewUnique("test");
            var calls = 0;
            var options = new PipeListenerOptions
            {
                Admission = (_, _) => Interlocked.Increment(ref calls) == 1
                    ? throw new InvalidOperationException("the check broke")
                    : ValueTask.FromResult(AdmissionDecision.Admit("the check works again")),
            };
            await using var listener = PipeListener.Listen(name, options);
            await using var first = await ConnectOnceAsync(name);

            Assert.ThrowsAsync<InvalidOperationException>(() => listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound));
            var (bytes, ended) = await StreamReading.ReadUntilEndAsync(first, Bound);
            Assert.That(ended, Is.True, "the client's socket was closed, not leaked");
            Assert.That(bytes, Is.Empty);
            Assert.That(listener.InstancesInUse, Is.Zero);

            await using var second = await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default);
            await using var connection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);
            Assert.That(connection.Admission, Is.EqualTo("the check works again"));
        }
    }

    [Platform(Exclude = "Win")]
    public class Closing
    {
        [TestCase(PipeBusyPolicy.Refuse)]
        [TestCase(PipeBusyPolicy.Backlog)]
        public async Task Disposing_removes_the_socket_file_and_leaves_no_socket_even_with_clients_in_line(PipeBusyPolicy whenBusy)
        {
            var name = PipeName.NewUnique("test");
            var path = PipeName.UnixSocketPath(name);
            var listener = PipeListener.Listen(name, new PipeListenerOptions { WhenBusy = whenBusy });
            await using var owner = await ConnectOnceAsync(name);
            await using var inLine = await ConnectOnceAsync(name);
            var connection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);
            var waitingAccept = listener.AcceptAsync(CancellationToken.None);

            await listener.DisposeAsync();

            Assert.ThrowsAsync<ObjectDisposedException>(() => waitingAccept.WaitAsync(Bound));
            Assert.That(File.Exists(path), Is.False);
            Assert.That(PipeProbe.IsAcceptingConnections(name), Is.False);
            var (bytes, ended) = await StreamReading.ReadUntilEndAsync(inLine, Bound);
            Assert.That(ended, Is.True, "a client still in line is let go, not left hanging");
            Assert.That(bytes, Is.Empty);

            await connection.DisposeAsync();
            Assert.That(SocketsBoundTo(path), Is.Empty, "no accepted or queued socket outlives the listener and its connections");
        }

        [Test]
        public async Task Each_end_sees_end_of_stream_when_the_other_closes()
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = 2 });
            await using var client = await ConnectOnceAsync(name);
            var closedByServer = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);
            await using var closingClient = await ConnectOnceAsync(name);
            await using var closedByClient = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);

            var clock = Stopwatch.StartNew();
            await closedByServer.DisposeAsync();
            var (_, clientSawEnd) = await StreamReading.ReadUntilEndAsync(client, Bound);
            var clientSawEndAfter = clock.Elapsed;
            clock.Restart();
            await closingClient.DisposeAsync();
            var (_, serverSawEnd) = await StreamReading.ReadUntilEndAsync(closedByClient.Stream, Bound);
            TestContext.Out.WriteLine($"end of stream after {clientSawEndAfter.TotalMilliseconds:0.###} ms (client), {clock.Elapsed.TotalMilliseconds:0.###} ms (server)");

            Assert.That(clientSawEnd, Is.True);
            Assert.That(serverSawEnd, Is.True);
        }

        [Test]
        public async Task An_accept_cancelled_while_it_waits_leaves_the_listener_serving()
        {
            var name = PipeName.NewUnique("test");
            await using var listener = PipeListener.Listen(name);
            using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
            {
                Assert.CatchAsync<OperationCanceledException>(() => listener.AcceptAsync(cancel.Token));
            }

            await using var client = await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default);
            await using var connection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(Bound);
            await SendAsync(connection, "ok");

            Assert.That(await ReceiveAsync(client, 2), Is.EqualTo("ok"));
        }

        [Test]
        public async Task Refuses_to_listen_on_a_name_already_in_use()
        {
            var name = PipeName.NewUnique("test");
            await using var first = PipeListener.Listen(name);

            Assert.Throws<IOException>(() => PipeListener.Listen(name));
        }

        /// <summary>Every socket, listening or accepted, whose address is <paramref name="path"/> (Linux's view).</summary>
        private static List<string> SocketsBoundTo(string path) =>
            OperatingSystem.IsLinux()
                ? File.ReadLines("/proc/net/unix").Skip(1).Where(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 8 } fields && fields[7] == path).ToList()
                : [];
    }
}

using System.Net.Sockets;
using System.Text;
using Conformance.Protocols.Transport;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.Transport;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PipeServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Admits_the_first_client_and_refuses_a_later_one_at_once_without_a_byte()
    {
        var name = PipeName.NewUnique("test");
        await using var server = PipeServer.Listen(name);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);

        await using var owner = await PipeClient.ConnectAsync(name, Bound);
        await using var connection = await accept.WaitAsync(Bound);
        var second = await PipeClient.TryConnectOnceAsync(name);

        Assert.That(server.IsListening, Is.False);
        Assert.That(second.Stream, Is.Null, "a later client must not get a connection");
        Assert.That(second.Refusal, Is.AnyOf(nameof(SocketError.ConnectionRefused), nameof(SocketError.AddressNotAvailable)));
        Assert.That(connection.Client.ProcessId, Is.EqualTo(Environment.ProcessId));
    }

    [Test]
    public async Task Keeps_the_socket_file_owner_only()
    {
        var name = PipeName.NewUnique("test");
        await using var server = PipeServer.Listen(name);

        var mode = File.GetUnixFileMode(PipeName.UnixSocketPath(name));

        Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task Closes_a_client_its_admission_check_refuses_without_writing_and_goes_on_serving()
    {
        var name = PipeName.NewUnique("test");
        var refusals = new List<ClientRefusal>();
        var calls = 0;
        var options = new PipeServerOptions
        {
            Admission = (_, _) => ValueTask.FromResult(Interlocked.Increment(ref calls) == 1
                ? AdmissionDecision.Refuse("first one is an intruder")
                : AdmissionDecision.Admit("second one is the connector")),
            Refused = refusals.Add,
        };
        await using var server = PipeServer.Listen(name, options);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);

        var (intruder, _) = await PipeClient.TryConnectOnceAsync(name);
        var (bytes, ended) = await StreamReading.ReadUntilEndAsync(intruder!, Bound);
        await using var rightful = await PipeClient.ConnectAsync(name, Bound);
        await using var connection = await accept.WaitAsync(Bound);
        await connection.Stream.WriteAsync("hello\n"u8.ToArray());
        var greeting = new byte[6];
        await rightful.ReadExactlyAsync(greeting);

        Assert.That(ended, Is.True, "the refused client sees end-of-stream");
        Assert.That(bytes, Is.Empty, "the refused client receives no byte");
        Assert.That(refusals.Single().Reason, Is.EqualTo("first one is an intruder"));
        Assert.That(Encoding.ASCII.GetString(greeting), Is.EqualTo("hello\n"));
        await intruder!.DisposeAsync();
    }

    [Test]
    public async Task Closes_the_accepted_client_when_its_admission_check_throws()
    {
        var name = PipeName.NewUnique("test");
        var options = new PipeServerOptions { Admission = (_, _) => throw new InvalidOperationException("the check broke") };
        await using var server = PipeServer.Listen(name, options);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);

        var (client, _) = await PipeClient.TryConnectOnceAsync(name);
        var failure = Assert.ThrowsAsync<InvalidOperationException>(async () => await accept.WaitAsync(Bound));
        var (bytes, ended) = await StreamReading.ReadUntilEndAsync(client!, Bound);

        Assert.That(failure!.Message, Is.EqualTo("the check broke"));
        Assert.That(ended, Is.True, "the client is closed, not left hanging on a socket nobody owns");
        Assert.That(bytes, Is.Empty);
        await client!.DisposeAsync();
    }

    [Test]
    public async Task Refuses_another_account_by_the_file_mode_and_serves_the_rightful_client()
    {
        OtherAccount.RequireIt();
        var name = PipeName.NewUnique("test");
        await using var server = PipeServer.Listen(name);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);

        var outcome = await OtherAccount.TryConnectAsync(PipeName.UnixSocketPath(name));
        await using var rightful = await PipeClient.ConnectAsync(name, Bound);
        await using var connection = await accept.WaitAsync(Bound);

        Assert.That(outcome, Is.EqualTo("refused: EACCES"));
        Assert.That(connection.Client.UserId, Is.EqualTo(0u));
    }

    [Test]
    public async Task Refuses_another_account_by_its_uid_when_the_file_mode_is_widened()
    {
        OtherAccount.RequireIt();
        var name = PipeName.NewUnique("test");
        var refusals = new List<ClientRefusal>();
        var everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        await using var server = PipeServer.Listen(name, new PipeServerOptions { SocketFileMode = everyone, Refused = refusals.Add });
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);

        var outcome = await OtherAccount.TryConnectAsync(PipeName.UnixSocketPath(name));
        await using var rightful = await PipeClient.ConnectAsync(name, Bound);
        await using var connection = await accept.WaitAsync(Bound);

        Assert.That(outcome, Is.EqualTo("read 0 bytes"));
        Assert.That(refusals.Single().Reason, Does.Contain("uid 65534"));
        Assert.That(connection.Client.UserId, Is.EqualTo(0u));
    }

    [Test]
    public void Refuses_a_name_whose_socket_path_does_not_fit_with_a_clear_message()
    {
        var name = new string('n', 120);

        var error = Assert.Throws<ArgumentException>(() => PipeServer.Listen(name));

        Assert.That(error!.Message, Does.Contain("allows 107"));
    }

    [Test]
    public async Task Refuses_to_listen_on_a_name_already_in_use()
    {
        var name = PipeName.NewUnique("test");
        await using var first = PipeServer.Listen(name);

        Assert.Throws<IOException>(() => PipeServer.Listen(name));
    }

    [Test]
    public async Task Removes_the_socket_file_when_disposed()
    {
        var name = PipeName.NewUnique("test");
        var server = PipeServer.Listen(name);

        await server.DisposeAsync();

        Assert.That(File.Exists(PipeName.UnixSocketPath(name)), Is.False);
    }
}

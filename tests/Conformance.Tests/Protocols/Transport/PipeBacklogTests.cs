using System.IO.Pipes;
using Conformance.Processes;
using Conformance.Tests.Support;
using Conformance.Protocols.Transport;

namespace Conformance.Tests.Protocols.Transport;

[Platform(Include = "Linux")]
public class PipeBacklogTests
{
    [Test]
    public async Task The_writer_sees_the_bytes_its_reader_has_not_yet_taken_and_when_it_has_taken_them()
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle);
        await writer.WriteAsync(new byte[10]);

        Assert.That(PipeBacklog.Unread(writer), Is.EqualTo(10));
        Assert.That(await PipeBacklog.WaitUntilTakenAsync(writer, TimeSpan.FromMilliseconds(20), CancellationToken.None), Is.False, "nothing was read yet");

        var buffer = new byte[4];
        await reader.ReadExactlyAsync(buffer);
        Assert.That(PipeBacklog.Unread(writer), Is.EqualTo(6));
        await reader.ReadExactlyAsync(new byte[6]);
        Assert.That(await PipeBacklog.WaitUntilTakenAsync(writer, TimeSpan.FromSeconds(5), CancellationToken.None), Is.True);
    }

    [Test]
    public async Task A_supervised_process_s_standard_input_tells_its_backlog()
    {
        await using var process = await SupervisedProcess.StartAsync(new ProcessLaunch(["/bin/sh", "-c", "sleep 30"], Path.GetTempPath(), new Dictionary<string, string?>()));
        await process.StandardInput.WriteAsync(new byte[3]);
        await process.StandardInput.FlushAsync();

        Assert.That(PipeBacklog.Unread(process.StandardInput), Is.EqualTo(3), "sleep never reads its input");
    }

    [Test]
    public void A_stream_that_is_not_a_pipe_has_no_backlog_to_tell() =>
        Assert.That(PipeBacklog.Unread(new MemoryStream()), Is.Null);

    [Test]
    public async Task A_unix_socket_writer_sees_what_its_peer_has_not_yet_read()
    {
        using var pair = new UnixSocketPair();
        await pair.Left.WriteAsync(new byte[5]);

        Assert.That(PipeBacklog.Unread(pair.Left), Is.GreaterThan(0), "the peer read nothing yet");
        await pair.Right.ReadExactlyAsync(new byte[5]);
        Assert.That(await PipeBacklog.WaitUntilTakenAsync(pair.Left, TimeSpan.FromSeconds(5), CancellationToken.None), Is.True);
    }
}

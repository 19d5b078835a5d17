using System.Net.Sockets;
using System.Text;
using Conformance.Protocols.Transport;

namespace Conformance.Tests.Protocols.Transport;

public class PipeNameTests
{
    [Test]
    public void Makes_a_fresh_name_each_time()
    {
        var names = Enumerable.Range(0, 100).Select(_ => PipeName.NewUnique("x")).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names[0], Does.Match("^x-[0-9a-f]{16}$"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Puts_the_socket_where_NET_clients_look_for_it()
    {
        Assert.That(PipeName.UnixSocketPath("abc"), Is.EqualTo(Path.Combine(Path.GetTempPath(), "CoreFxPipe_abc")));
    }

    [TestCase("")]
    [TestCase("a/b")]
    [TestCase("a\\b")]
    public void Refuses_a_name_that_cannot_be_a_pipe(string name)
    {
        Assert.Throws<ArgumentException>(() => PipeName.Validate(name));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task Tries_a_refusing_pipe_once_and_reports_the_refusal_at_once()
    {
        var started = DateTime.UtcNow;

        var (stream, refusal) = await PipeClient.TryConnectOnceAsync(PipeName.NewUnique("absent"));

        Assert.That(stream, Is.Null);
        Assert.That(refusal, Is.Not.Null);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Shortens_the_random_part_so_the_socket_path_fits_under_a_long_temp_directory()
    {
        // "/" + 82 characters + "/" leaves room for 10 digits after "CoreFxPipe_x-" within 107 bytes.
        var temp = "/" + new string('d', 82) + "/";

        var names = Enumerable.Range(0, 100).Select(_ => PipeName.NewUnique("x", temp)).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Match("^x-[0-9a-f]{10}$"));
        Assert.That(Encoding.UTF8.GetByteCount(PipeName.UnixSocketPath(names[0], temp)), Is.EqualTo(PipeName.MaxUnixSocketPathBytes));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Refuses_a_temp_directory_too_long_for_8_random_digits_naming_it_and_its_length()
    {
        var temp = "/" + new string('d', 85) + "/";

        var error = Assert.Throws<ArgumentException>(() => PipeName.NewUnique("x", temp));

        Assert.That(error!.Message, Does.Contain(temp).And.Contain("TMPDIR").And.Contain("87 bytes").And.Contain("shorter directory"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_name_made_for_a_long_temp_directory_can_be_bound_there()
    {
        var temp = Path.Combine(Path.GetTempPath(), PipeName.NewUnique("np10"));
        // Sized so that 10 random digits end the path at exactly 107 bytes.
        temp += "/" + new string('d', 84 - temp.Length - 2) + "/";
        Directory.CreateDirectory(temp);
        try
        {
            var name = PipeName.NewUnique("x", temp);
            var path = PipeName.UnixSocketPath(name, temp);
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

            socket.Bind(new UnixDomainSocketEndPoint(path));

            Assert.That(Encoding.UTF8.GetByteCount(path), Is.EqualTo(PipeName.MaxUnixSocketPathBytes));
            Assert.That(name, Does.Match("^x-[0-9a-f]{10}$"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(temp))!, recursive: true);
        }
    }
}

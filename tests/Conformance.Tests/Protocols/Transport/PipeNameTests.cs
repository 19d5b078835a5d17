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
}

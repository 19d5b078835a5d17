using System.Text;
using Conformance.ConnectorSdk;
using Conformance.Engine.LauncherConnector.Launcher;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Protocols.Transport;

namespace Conformance.Tests.ConnectorSdk;

public class LauncherIpcClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Connects_reads_the_configuration_and_sends_each_event_as_one_line()
    {
        var name = PipeName.NewUnique("sdk");
        await using var server = PipeServer.Listen(name);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);
        var configuration = SampleConfiguration.Create();
        await using var client = new LauncherIpcClient(new LauncherIpcClientOptions { PipeName = name });

        await client.ConnectToLauncherAsync();
        await using var connection = await accept.WaitAsync(Bound);
        await connection.Stream.WriteAsync(Encoding.UTF8.GetBytes(configuration.ToJsonLine() + "\n"));
        var received = await client.WaitForConnectionConfigurationAsync().WaitAsync(Bound);
        await client.SendCustomEventAsync("starting");
        await client.SendRemoteConnectionWindowCreatedAsync("open", 4242);
        await client.SendRemoteConnectionWindowClosedAsync("closed");
        var reader = new LineReader(connection.Stream);
        var lines = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            lines.Add((await reader.ReadLineAsync().AsTask().WaitAsync(Bound))!.Text!);
        }

        Assert.That(received.SessionId, Is.EqualTo(configuration.SessionId));
        Assert.That(lines, Is.EqualTo(new[]
        {
            """{"eventType":"Custom","message":"starting"}""",
            """{"eventType":"RemoteConnectionWindowCreated","message":"open","processId":4242}""",
            """{"eventType":"RemoteConnectionWindowClosed","message":"closed"}""",
        }));
    }

    [Test]
    public async Task Tells_when_the_Launcher_closes_the_pipe()
    {
        var name = PipeName.NewUnique("sdk");
        await using var server = PipeServer.Listen(name);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);
        await using var client = new LauncherIpcClient(new LauncherIpcClientOptions { PipeName = name });
        await client.ConnectToLauncherAsync();
        var connection = await accept.WaitAsync(Bound);
        await connection.Stream.WriteAsync(Encoding.UTF8.GetBytes(SampleConfiguration.Create().ToJsonLine() + "\n"));
        await client.WaitForConnectionConfigurationAsync().WaitAsync(Bound);

        await connection.DisposeAsync();

        await client.LauncherClosed.WaitAsync(Bound);
        Assert.That(client.LauncherClosed.IsCompletedSuccessfully);
    }

    [Test]
    public async Task Refuses_to_connect_without_a_pipe_name_saying_which_variable_is_missing()
    {
        await using var client = new LauncherIpcClient(new LauncherIpcClientOptions { PipeName = null });
        if (client.PipeName is not null)
        {
            Assert.Ignore("VSI_IPC_PIPE_NAME is set in this environment");
        }

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectToLauncherAsync());

        Assert.That(error!.Message, Does.Contain(LauncherIpcClient.PipeNameVariable));
    }

    [Test]
    public async Task Refuses_an_empty_failure_message_and_cuts_an_over_long_one()
    {
        var name = PipeName.NewUnique("sdk");
        await using var server = PipeServer.Listen(name);
        var accept = server.AcceptFirstClientAsync(CancellationToken.None);
        await using var client = new LauncherIpcClient(new LauncherIpcClientOptions { PipeName = name });
        await client.ConnectToLauncherAsync();
        await using var connection = await accept.WaitAsync(Bound);

        Assert.ThrowsAsync<ArgumentException>(() => client.SendRemoteConnectionFailureAsync(""));
        await client.SendRemoteConnectionFailureAsync(new string('x', 5000));
        var line = await new LineReader(connection.Stream).ReadLineAsync().AsTask().WaitAsync(Bound);

        Assert.That(CustomConnectorEventParser.Parse(line!.Text!).Event!.Message, Has.Length.EqualTo(LauncherIpcClient.MaxMessageLength));
    }

    [Test]
    public void Gives_up_connecting_after_its_connect_timeout()
    {
        var client = new LauncherIpcClient(new LauncherIpcClientOptions { PipeName = PipeName.NewUnique("absent"), ConnectTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.ThrowsAsync<TimeoutException>(() => client.ConnectToLauncherAsync());
    }
}

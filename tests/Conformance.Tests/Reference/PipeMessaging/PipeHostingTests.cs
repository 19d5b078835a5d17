using Conformance.Protocols.Transport;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class PipeHostingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Refuses_a_missing_listener_or_role()
    {
        await using var listener = PipeListener.Listen(PipeName.NewUnique("pmh"), new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });

        Assert.That(() => PipeHosting.ServeAsync(null!, (_, _) => { }, CancellationToken.None), Throws.ArgumentNullException);
        Assert.That(() => PipeHosting.ServeAsync(listener, null!, CancellationToken.None), Throws.ArgumentNullException);
    }

    [Test]
    public async Task Hands_each_client_to_the_role_closes_it_when_the_role_is_done_and_serves_the_next()
    {
        var name = PipeName.NewUnique("pmh");
        await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        using var stop = new CancellationTokenSource(Bound);
        var attached = System.Threading.Channels.Channel.CreateUnbounded<Action>();
        var serving = PipeHosting.ServeAsync(listener, (_, release) => attached.Writer.TryWrite(release), stop.Token);

        for (var index = 0; index < 2; index++)
        {
            await using var client = await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default, stop.Token);
            var release = await attached.Reader.ReadAsync(stop.Token);
            release();

            Assert.That(await client.ReadAsync(new byte[1], stop.Token), Is.Zero, "the hosting closed the client the role released");
        }

        await stop.CancelAsync();
        await serving.WaitAsync(Bound);
    }

    [Test]
    public async Task Stopping_closes_the_clients_the_role_still_holds_and_returns()
    {
        var name = PipeName.NewUnique("pmh");
        await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        using var stop = new CancellationTokenSource(Bound);
        var attached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serving = PipeHosting.ServeAsync(listener, (_, _) => attached.TrySetResult(), stop.Token);
        await using var client = await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default, stop.Token);
        await attached.Task.WaitAsync(Bound);

        await stop.CancelAsync();
        await serving.WaitAsync(Bound);

        using var read = new CancellationTokenSource(Bound);
        Assert.That(await client.ReadAsync(new byte[1], read.Token), Is.Zero);
    }

    [Test]
    public async Task An_accept_that_fails_for_one_client_does_not_stop_the_serving_of_the_next()
    {
        var next = new MemoryStream();
        var listener = new ScriptedListener(new IOException("the client vanished"), new System.Net.Sockets.SocketException(), new UnauthorizedAccessException(), next);
        using var stop = new CancellationTokenSource(Bound);
        var attached = new TaskCompletionSource<Stream>(TaskCreationOptions.RunContinuationsAsynchronously);
        var serving = PipeHosting.ServeAsync(listener, (stream, _) => attached.TrySetResult(stream), stop.Token);

        var first = await Task.WhenAny(attached.Task, serving).WaitAsync(Bound);

        Assert.That(first, Is.SameAs(attached.Task), "the serving went on past the failed accepts");
        Assert.That(await attached.Task, Is.SameAs(next));
        await stop.CancelAsync();
        await serving.WaitAsync(Bound);
    }

    [Test]
    public async Task A_client_whose_pipe_fails_to_close_is_still_released_and_stopping_returns()
    {
        var failing = new BrokenStream(failOnDispose: true);
        using var stop = new CancellationTokenSource(Bound);
        var serving = PipeHosting.ServeAsync(new ScriptedListener(failing), (_, _) => { }, stop.Token);

        await stop.CancelAsync();

        Assert.That(async () => await serving.WaitAsync(Bound), Throws.Nothing);
        Assert.That(failing.Disposals, Is.GreaterThan(0), "the hosting tried to close it");
    }

    [Test]
    public async Task A_release_that_fails_unexpectedly_surfaces_when_the_serving_ends_even_if_it_came_early()
    {
        var failing = new BrokenStream(failOnDispose: true, failure: () => new InvalidOperationException("the close went wrong"));
        using var stop = new CancellationTokenSource(Bound);
        var serving = PipeHosting.ServeAsync(new ScriptedListener(failing), (_, release) => release(), stop.Token);

        await stop.CancelAsync();

        Assert.That(async () => await serving.WaitAsync(Bound), Throws.InvalidOperationException.With.Message.EqualTo("the close went wrong"));
    }

    [Test]
    public async Task A_listener_already_closed_ends_the_serving()
    {
        var listener = PipeListener.Listen(PipeName.NewUnique("pmh"), new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        await listener.DisposeAsync();

        await PipeHosting.ServeAsync(listener, (_, _) => Assert.Fail("no client can come"), CancellationToken.None).WaitAsync(Bound);
    }

    [Test]
    [NonParallelizable]
    public void Pipe_names_come_from_the_specific_variables_then_the_single_one_then_the_defaults()
    {
        string[] names = ["CONFORMANCE_PIPE_NAME", "CONFORMANCE_COMMAND_PIPE_NAME", "CONFORMANCE_EVENT_PIPE_NAME"];
        var saved = names.Select(Environment.GetEnvironmentVariable).ToArray();
        try
        {
            Set(null, null, null);
            Assert.That(PipeHosting.PipeNamesFromEnvironment(), Is.EqualTo((Conformance.Protocols.PipeMessaging.DefaultPipeNames.CommandPipe, Conformance.Protocols.PipeMessaging.DefaultPipeNames.EventPipe)));

            Set("single", "", null);
            Assert.That(PipeHosting.PipeNamesFromEnvironment(), Is.EqualTo(("single", "single")), "an empty name counts as none");

            Set("single", "commands", "events");
            Assert.That(PipeHosting.PipeNamesFromEnvironment(), Is.EqualTo(("commands", "events")));
        }
        finally
        {
            Set(saved[0], saved[1], saved[2]);
        }

        void Set(string? single, string? command, string? @event)
        {
            Environment.SetEnvironmentVariable(names[0], single);
            Environment.SetEnvironmentVariable(names[1], command);
            Environment.SetEnvironmentVariable(names[2], @event);
        }
    }
}

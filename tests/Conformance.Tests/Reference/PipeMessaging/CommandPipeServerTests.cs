using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Protocols.Transport;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class CommandPipeServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Over_a_real_pipe_serves_waiting_clients_in_the_order_they_came()
    {
        await using var server = new CommandPipeServer(CommandHandler.Standalone);
        var name = PipeName.NewUnique("pmt");
        await using var listener = PipeListener.Listen(name, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        using var stop = new CancellationTokenSource(Bound);
        var serving = PipeHosting.ServeAsync(listener, server.Attach, stop.Token);

        // The first holds the server with half a request; the other two wait in the backlog.
        var clients = new List<Stream>();
        for (var index = 0; index < 3; index++)
        {
            clients.Add(await PipeClient.ConnectWithRetryAsync(name, RetryPolicy.Default, stop.Token));
        }

        var requests = clients.Select((_, index) => new Request(Guid.NewGuid(), CommandHandler.Echo, Payloads.EmptyObject)).ToList();
        var first = FrameWriter.Encode(PipeMessageCodec.Encode(requests[0], PayloadKind.Json));
        await clients[0].WriteAsync(first.AsMemory(0, 5), stop.Token);
        for (var index = 1; index < 3; index++)
        {
            await clients[index].WriteAsync(FrameWriter.Encode(PipeMessageCodec.Encode(requests[index], PayloadKind.Json)), stop.Token);
        }

        await clients[0].WriteAsync(first.AsMemory(5), stop.Token);
        for (var index = 0; index < 3; index++)
        {
            await using var reader = FrameReader.FromStream(clients[index]);
            var answer = await reader.ReadAsync(stop.Token);
            var end = await reader.ReadAsync(stop.Token);

            Assert.That(PipeMessageCodec.Decode(answer.Payload.Span).Message, Is.InstanceOf<Response>().With.Property(nameof(Response.RequestId)).EqualTo(requests[index].RequestId));
            Assert.That(end.IsEnd, Is.True, "one request, one response, then the server closes (PM-C01)");
        }

        var accepted = server.Journal.Entries.Where(entry => entry.Kind == JournalKinds.Accepted).Select(entry => entry.Connection);
        Assert.That(accepted, Is.EqualTo(new[] { 1, 2, 3 }));
        await stop.CancelAsync();
        await serving;
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}

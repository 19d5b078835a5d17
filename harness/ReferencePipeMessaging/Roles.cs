using System.Globalization;
using System.Text.Json;
using Conformance.Protocols.PipeMessaging;
using Conformance.Protocols.Transport;
using Conformance.Reference.PipeMessaging;

namespace ReferencePipeMessaging;

/// <summary>Each reference role over real pipes, until it is told to stop.</summary>
internal static class Roles
{
    private static readonly RetryPolicy Retry = new();

    public static async Task<int> EventPipeServiceAsync(CancellationToken stop)
    {
        var (commandPipe, eventPipe) = PipeHosting.PipeNamesFromEnvironment();
        await using var service = new EventPipeService();
        await using var server = new CommandPipeServer(CommandHandler.For(service));
        Follow(service.Journal, "event pipe");

        // PM-E01: one event-pipe client at a time, the others told "busy"; PM-C02: command clients wait their turn.
        await using var events = PipeListener.Listen(eventPipe, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Refuse });
        await using var commands = PipeListener.Listen(commandPipe, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        await Console.Out.WriteLineAsync($"event-pipe service on {eventPipe}, command pipe {commandPipe}");
        await Task.WhenAll(
            PipeHosting.ServeAsync(events, service.Attach, stop),
            PipeHosting.ServeAsync(commands, server.Attach, stop));
        return 0;
    }

    public static async Task<int> CommandPipeServerAsync(CancellationToken stop)
    {
        var (commandPipe, _) = PipeHosting.PipeNamesFromEnvironment();
        await using var server = new CommandPipeServer(CommandHandler.Standalone);
        Follow(server.Journal, "command pipe");
        await using var commands = PipeListener.Listen(commandPipe, new PipeListenerOptions { MaxInstances = 1, WhenBusy = PipeBusyPolicy.Backlog });
        await Console.Out.WriteLineAsync($"command-pipe server on {commandPipe}");
        await PipeHosting.ServeAsync(commands, server.Attach, stop);
        return 0;
    }

    public static async Task<int> EventPipeClientAsync(CancellationToken stop)
    {
        var (_, eventPipe) = PipeHosting.PipeNamesFromEnvironment();
        await using var client = new EventPipeClient(cancellation => PipeClient.ConnectWithRetryAsync(eventPipe, Retry, cancellation));
        Follow(client.Journal, "event pipe");
        client.Start();
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Told to stop.
        }

        return 0;
    }

    public static async Task<int> CommandPipeClientAsync(string[] options, CancellationToken stop)
    {
        var (commandPipe, _) = PipeHosting.PipeNamesFromEnvironment();
        var command = Option(options, "--command") ?? CommandHandler.Echo;
        var parameters = JsonDocument.Parse(Option(options, "--parameters") ?? "{}").RootElement.Clone();
        var settings = Option(options, "--timeout-seconds") is { } seconds
            ? new CommandPipeClientSettings { ResponseTimeout = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)) }
            : new CommandPipeClientSettings();
        await using var client = new CommandPipeClient(cancellation => PipeClient.ConnectWithRetryAsync(commandPipe, Retry, cancellation), settings);
        Follow(client.Journal, "command pipe");
        var outcome = await client.SendAsync(new Request(Guid.NewGuid(), command, parameters), stop);
        if (outcome.Response is { } response)
        {
            await Console.Out.WriteLineAsync(PipeMessageCodec.ToJson(response));
            return 0;
        }

        await Console.Error.WriteLineAsync($"no response: {outcome.Failure}");
        return 1;
    }

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    // Standard output shows what the role does, for whoever watches it run.
    private static void Follow(PipeJournal journal, string pipe) =>
        _ = Task.Run(async () =>
        {
            var shown = 0;
            while (true)
            {
                await journal.WaitUntilAsync(entries => entries.Count > shown, TimeSpan.FromSeconds(30));
                foreach (var entry in journal.Entries.Skip(shown))
                {
                    await Console.Out.WriteLineAsync($"{entry.At:HH:mm:ss.fff} {pipe} #{entry.Connection} {entry.Kind}: {entry.Detail}{(entry.Requirement is null ? "" : $" ({entry.Requirement})")}");
                    shown++;
                }
            }
        });
}

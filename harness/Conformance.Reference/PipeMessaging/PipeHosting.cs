using Conformance.Protocols.Transport;

namespace Conformance.Reference.PipeMessaging;

/// <summary>Serves a reference role over a real pipe: client after client, each handed to the role and released once the role has closed it.</summary>
public static class PipeHosting
{
    /// <summary>
    /// Accepts from <paramref name="listener"/> until <paramref name="cancellationToken"/> is cancelled, handing each
    /// client to <paramref name="attach"/> and freeing its instance when the role calls back; returns when stopped.
    /// </summary>
    public static async Task ServeAsync(PipeListener listener, Action<Stream, Action> attach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(attach);
        var open = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Assigned so that every variant of the loop compiles, those the mutation tests make without its jumps included.
            PipeConnection connection = null!;
            try
            {
                connection = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
            {
                // One client's failed accept is no reason to stop serving the others.
                continue;
            }

            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            attach(connection.Stream, () => ended.TrySetResult());
            open.Add(ReleaseWhenEndedAsync(connection, ended.Task, cancellationToken));

            // A release that failed is kept, so that its failure surfaces when the serving ends, however early it came.
            // Stryker disable once Statement : it only bounds the list; a release that completed successfully adds nothing to the wait at the end
            open.RemoveAll(task => task.IsCompletedSuccessfully);
        }

        await Task.WhenAll(open).ConfigureAwait(false);
    }

    /// <summary>The pipe names a role executable was handed (DESIGN's contract), falling back to the protocol's defaults.</summary>
    public static (string Command, string Event) PipeNamesFromEnvironment()
    {
        var single = Environment.GetEnvironmentVariable("CONFORMANCE_PIPE_NAME");
        var command = Environment.GetEnvironmentVariable("CONFORMANCE_COMMAND_PIPE_NAME");
        var @event = Environment.GetEnvironmentVariable("CONFORMANCE_EVENT_PIPE_NAME");
        return (
            Present(command) ?? Present(single) ?? Protocols.PipeMessaging.DefaultPipeNames.CommandPipe,
            Present(@event) ?? Present(single) ?? Protocols.PipeMessaging.DefaultPipeNames.EventPipe);
    }

    private static string? Present(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task ReleaseWhenEndedAsync(PipeConnection connection, Task ended, CancellationToken cancellationToken)
    {
        try
        {
            await ended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the instance is released below either way.
        }

        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client is gone already; its instance is freed all the same, and the others are still served.
        }
    }
}

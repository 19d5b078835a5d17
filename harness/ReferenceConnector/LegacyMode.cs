namespace ReferenceConnector;

/// <summary>
/// Without VSI_IPC_PIPE_NAME (a Launcher from before the pipe) the connector takes its target from the
/// command line, as connectors always could (LC-C13), and runs the remote client without reporting.
/// </summary>
internal static class LegacyMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var host = ValueOf(args, "--host");
        if (host is null)
        {
            Console.WriteLine("No VSI_IPC_PIPE_NAME and no --host: nothing to connect to.");
            return 0;
        }

        Console.WriteLine($"legacy mode: connecting to {host}");
        using var remoteClient = RemoteClientStandIn.Start();
        await remoteClient.WaitForExitAsync();
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

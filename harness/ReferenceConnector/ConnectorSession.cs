using Conformance.ConnectorSdk;
using Conformance.Protocols.LauncherConnector;

namespace ReferenceConnector;

/// <summary>One session with a Launcher: connect, read the configuration, run the remote client, report.</summary>
internal static class ConnectorSession
{
    // Hosts in the reserved .invalid domain never resolve: the connector's way to show the failure path.
    private const string UnreachableSuffix = ".invalid";

    public static async Task<int> RunAsync(LauncherIpcClient launcher)
    {
        await launcher.ConnectToLauncherAsync();
        var configuration = await launcher.WaitForConnectionConfigurationAsync();
        Console.WriteLine($"session {configuration.SessionId}: connecting to {configuration.Host}");

        if (configuration.Host.EndsWith(UnreachableSuffix, StringComparison.OrdinalIgnoreCase))
        {
            await launcher.SendRemoteConnectionFailureAsync($"Cannot reach {configuration.Host}: the name does not resolve.");
            Console.WriteLine("reported the failure");
            return 1;
        }

        await launcher.SendCustomEventAsync($"Connecting to {Describe(configuration)}.");
        using var remoteClient = RemoteClientStandIn.Start();
        await launcher.SendRemoteConnectionWindowCreatedAsync("The remote client's window is open.", remoteClient.Id);
        Console.WriteLine($"remote client running as process {remoteClient.Id}");

        var exited = remoteClient.WaitForExitAsync();
        if (await Task.WhenAny(exited, launcher.LauncherClosed) != exited)
        {
            // LC-C11: the Launcher hung up (session aborted): end the remote client and leave at once.
            Console.WriteLine("the Launcher closed the pipe; ending the remote client");
            remoteClient.Kill(entireProcessTree: true);
            return 0;
        }

        await launcher.SendRemoteConnectionWindowClosedAsync($"The remote client exited with code {remoteClient.ExitCode}.");
        Console.WriteLine("reported the window closed");
        return 0;
    }

    private static string Describe(ConnectionConfiguration configuration) =>
        configuration.Resource.Length == 0 ? configuration.Host : $"{configuration.Host}/{configuration.Resource}";
}

using System.Diagnostics;

namespace ReferenceConnector;

/// <summary>
/// Stands in for a remote desktop client: a child process that runs until it is ended, or until its parent
/// goes (its standard input closes), so it never outlives the connector that started it.
/// </summary>
internal static class RemoteClientStandIn
{
    public const string Argument = "--remote-client";

    public static Process Start()
    {
        var (fileName, prefix) = SelfCommand();
        var start = new ProcessStartInfo(fileName) { RedirectStandardInput = true, UseShellExecute = false };
        // It is meant to be killed: without diagnostics it leaves no endpoints behind in the temp folder.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var argument in prefix.Append(Argument))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    }

    public static async Task<int> RunAsync()
    {
        // Blocks until the parent closes our standard input (or dies); being killed ends it sooner.
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static (string FileName, string[] Prefix) SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var isDotnetHost = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? (host, [typeof(RemoteClientStandIn).Assembly.Location]) : (host, []);
    }
}

using System.Diagnostics;

namespace Conformance.Tests.Packaging;

/// <summary>Runs the dotnet CLI (pack, tool install, build) for the packaging tests, bounded, with its output for the failure message.</summary>
internal static class DotnetCommand
{
    public static async Task<(int Code, string Output)> RunAsync(string workingDirectory, TimeSpan bound, params string[] arguments)
    {
        var start = new ProcessStartInfo(Conformance.Processes.DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build server or telemetry may outlive the test.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(bound);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {bound.TotalSeconds} s");
        }

        return (process.ExitCode, await output + await error);
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Engine.Reports;
using Conformance.Tests.Support;

namespace Conformance.Tests.Packaging;

/// <summary>
/// Issue 11: the command packs as a .NET tool that carries its features and schemas, installs from a folder
/// feed and certifies a connector anywhere; the connector SDK packs as a NuGet package that a vendor's
/// connector builds against.
/// </summary>
[NonParallelizable]
public class PackageTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);
    private string _folder = "";
    private string _feed = "";
    private string _config = "";

    [OneTimeSetUp]
    public async Task PackIntoAFolderFeed()
    {
        _folder = Directory.CreateTempSubdirectory("packages").FullName;
        _feed = Path.Combine(_folder, "feed");
        _config = Path.Combine(_folder, "nuget.config");

        // Only the folder feed: the packages must install and restore from it alone.
        await File.WriteAllTextAsync(_config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="feed" value="{_feed}" /></packageSources></configuration>
            """);
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var project in new[] { "harness/Conformance.Cli", "harness/Conformance.Protocols", "harness/Conformance.ConnectorSdk" })
        {
            var (code, output) = await DotnetCommand.RunAsync(Project.Layout.Root, Bound, "pack", project, "-c", configuration, "--no-build", "-o", _feed);
            Assert.That(code, Is.EqualTo(0), output);
        }
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_installed_tool_lists_and_certifies_with_its_bundled_features_from_any_folder()
    {
        var tools = Path.Combine(_folder, "tools");
        var (installed, output) = await DotnetCommand.RunAsync(_folder, Bound, "tool", "install", "Conformance.Cli", "--version", ToolVersion.Version, "--tool-path", tools, "--configfile", _config);
        Assert.That(installed, Is.EqualTo(0), output);
        var conformance = Path.Combine(tools, OperatingSystem.IsWindows() ? "conformance.exe" : "conformance");

        // From an empty folder: only the tool's own features and schemas can be found.
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var (listed, list) = await RunAsync(conformance, elsewhere, "list", "--role", "connector");
        var report = Path.Combine(elsewhere, "report");
        var (certified, certify) = await RunAsync(conformance, elsewhere, "certify", "connector", "--report", report, "--", "dotnet", Path.Combine(AppContext.BaseDirectory, "MisbehavingConnector.dll"), "bom-and-crlf");

        Assert.That(listed, Is.EqualTo(0), list);
        Assert.That(list, Does.Contain("LC-C09").And.Contain("24 scenarios"));
        Assert.That(certified, Is.EqualTo(0), certify);
        Assert.That(certify, Does.Contain("CONFORMANT — 1 SHOULD requirement missed: LC-C03"));
        Assert.That(File.Exists(Path.Combine(report, "results.json")));
    }

    [Test]
    public async Task A_vendor_s_connector_builds_against_the_packed_SDK_and_certifies()
    {
        var vendor = Directory.CreateDirectory(Path.Combine(_folder, "vendor")).FullName;
        File.Copy(_config, Path.Combine(vendor, "nuget.config"));
        await File.WriteAllTextAsync(Path.Combine(vendor, "VendorConnector.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="Conformance.ConnectorSdk" Version="{ToolVersion.Version}" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(vendor, "Program.cs"), """
            using Conformance.ConnectorSdk;
            if (Environment.GetEnvironmentVariable(LauncherIpcClient.PipeNameVariable) is null) { return 0; }
            await using var launcher = new LauncherIpcClient();
            await launcher.ConnectToLauncherAsync();
            var configuration = await launcher.WaitForConnectionConfigurationAsync();
            if (configuration.Host.EndsWith(".invalid", StringComparison.Ordinal)) { await launcher.SendRemoteConnectionFailureAsync($"Cannot reach {configuration.Host}."); return 1; }
            await launcher.SendCustomEventAsync($"Connecting to {configuration.Host}.");
            using var client = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!, ["-e"]) { UseShellExecute = false, RedirectStandardInput = true })!;
            await launcher.SendRemoteConnectionWindowCreatedAsync("The window is open.", client.Id);
            var exited = client.WaitForExitAsync();
            if (await Task.WhenAny(exited, launcher.LauncherClosed) != exited) { client.Kill(); return 0; }
            await launcher.SendRemoteConnectionWindowClosedAsync("The window closed.");
            return 0;
            """);

        var (built, output) = await DotnetCommand.RunAsync(vendor, Bound, "build", "-o", Path.Combine(vendor, "out"));
        Assert.That(built, Is.EqualTo(0), output);

        var report = Path.Combine(vendor, "report");
        var console = new StringWriter();
        var code = await ConformanceCommand.RunAsync(
            ["certify", "connector", "--root", Project.Layout.Root, "--report", report, "--", "dotnet", Path.Combine(vendor, "out", "VendorConnector.dll")], console, new StringWriter());
        var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;

        Assert.That(code, Is.EqualTo(0), console.ToString());
        Assert.That(results["outcome"]!.GetValue<string>(), Is.EqualTo("conformant"));
    }

    private static async Task<(int Code, string Output)> RunAsync(string executable, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Bound);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

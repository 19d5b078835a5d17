using System.Runtime.InteropServices;

namespace Conformance.Engine.LauncherConnector;

/// <summary>
/// How to start the reference connector built beside the harness: <c>dotnet ReferenceConnector.dll</c>, with
/// the <c>dotnet</c> host of the running runtime, so it works wherever the harness itself runs.
/// </summary>
public static class ReferenceConnectorCommand
{
    /// <summary>The assembly's file name.</summary>
    public const string AssemblyFile = "ReferenceConnector.dll";

    /// <summary>The argument that makes it a stand-in remote client, a process that waits until it is ended.</summary>
    public const string WaitingArgument = "--remote-client";

    /// <summary>The command that runs a whole connector.</summary>
    /// <exception cref="FileNotFoundException">The reference connector was not built beside the harness.</exception>
    public static IReadOnlyList<string> Connector() => [DotnetHost(), Assembly()];

    /// <summary>The command of a connector that never touches the pipe and waits until it is ended.</summary>
    public static IReadOnlyList<string> Waiting() => [DotnetHost(), Assembly(), WaitingArgument];

    private static string Assembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The reference connector is not built beside the harness (looked for {path}). Build the solution first.", path);
    }

    private static string DotnetHost()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ is where the running runtime lives.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}

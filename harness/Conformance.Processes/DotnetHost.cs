using System.Runtime.InteropServices;

namespace Conformance.Processes;

/// <summary>The <c>dotnet</c> executable of the running runtime, so a .NET tool built beside the harness starts wherever the harness runs.</summary>
public static class DotnetHost
{
    /// <summary>The full path of <c>dotnet</c>, or plain "dotnet" to be found on the PATH.</summary>
    public static string Path { get; } = Locate();

    /// <summary>The command that runs <paramref name="assemblyFile"/> from the harness's own folder.</summary>
    /// <exception cref="FileNotFoundException">It was not built beside the harness.</exception>
    public static IReadOnlyList<string> Command(string assemblyFile, string what)
    {
        var assembly = System.IO.Path.Combine(AppContext.BaseDirectory, assemblyFile);
        return File.Exists(assembly)
            ? [Path, assembly]
            : throw new FileNotFoundException($"{what} is not built beside the harness (looked for {assembly}). Build the solution first.", assembly);
    }

    private static string Locate()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ is where the running runtime lives.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtime, "..", "..", ".."));
        var host = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}

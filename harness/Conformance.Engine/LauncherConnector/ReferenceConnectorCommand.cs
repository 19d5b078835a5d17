using Conformance.Processes;

namespace Conformance.Engine.LauncherConnector;

/// <summary>
/// How to start the reference connector built beside the harness: <c>dotnet ReferenceConnector.dll</c>, with
/// the <c>dotnet</c> host of the running runtime, so it works wherever the harness itself runs.
/// </summary>
internal static class ReferenceConnectorCommand
{
    /// <summary>The assembly's file name.</summary>
    public const string AssemblyFile = "ReferenceConnector.dll";

    /// <summary>The argument that makes it a stand-in remote client, a process that waits until it is ended.</summary>
    public const string WaitingArgument = "--remote-client";

    /// <summary>The command that runs a whole connector.</summary>
    /// <exception cref="FileNotFoundException">The reference connector was not built beside the harness.</exception>
    public static IReadOnlyList<string> Connector() => DotnetHost.Command(AssemblyFile, "The reference connector");

    /// <summary>The command of a connector that never touches the pipe and waits until it is ended.</summary>
    public static IReadOnlyList<string> Waiting() => [.. Connector(), WaitingArgument];
}

using Conformance.Processes;

namespace Conformance.Reference.Dcv;

/// <summary>
/// How to start the reference DCV extension built beside the harness: <c>dotnet ReferenceDcvExtension.dll</c>,
/// with the <c>dotnet</c> host of the running runtime.
/// </summary>
public static class ReferenceDcvExtensionCommand
{
    /// <summary>The assembly's file name.</summary>
    public const string AssemblyFile = "ReferenceDcvExtension.dll";

    /// <summary>The command, with <paramref name="arguments"/> (<c>--channels N</c>, <c>--greet TEXT</c>).</summary>
    /// <exception cref="FileNotFoundException">The reference extension was not built beside the harness.</exception>
    public static IReadOnlyList<string> Command(params string[] arguments) => Command(AssemblyFile, arguments);

    // The assembly is a parameter so that a test can name one that was not built, and see what the failure says.
    internal static IReadOnlyList<string> Command(string assemblyFile, string[] arguments) =>
        [.. DotnetHost.Command(assemblyFile, "The reference DCV extension"), .. arguments];
}

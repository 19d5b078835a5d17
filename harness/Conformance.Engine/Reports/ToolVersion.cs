using System.Reflection;

namespace Conformance.Engine.Reports;

/// <summary>The tool's name and version, as reports write them.</summary>
internal static class ToolVersion
{
    /// <summary>"conformance".</summary>
    public const string Name = "conformance";

    /// <summary>The informational version of the engine assembly, without build metadata.</summary>
    public static string Version { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}

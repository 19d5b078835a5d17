using System.Text.Json.Nodes;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// Reads <c>certify dcv-extension</c>'s manifest (<c>command</c>, <c>workingDirectory</c>, <c>environment</c>,
/// <c>name</c>, <c>virtualChannelNamespace</c>, <c>channels</c>, <c>timeouts</c>) and command line into a
/// <see cref="DcvExtensionTarget"/>; every mistake is a <see cref="ManifestException"/> that says how to fix it.
/// </summary>
internal static class DcvExtensionManifest
{
    /// <summary>The manifest's schema.</summary>
    public const string Schema = "conformance/dcv-extension-manifest";

    public static DcvExtensionTarget Read(string? manifestPath, IReadOnlyList<string> commandLine, SchemaSet schemas, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(schemas);
        var manifest = manifestPath is null ? [] : ManifestFile.Parse(manifestPath, schemas.Get(Schema));
        var workingDirectory = ManifestFile.WorkingDirectory(manifest, ManifestFile.Folder(manifestPath, currentDirectory));
        var environment = ManifestFile.Environment(manifest);
        var defaults = new DcvExtensionTarget { Command = [], WorkingDirectory = workingDirectory };
        var timeouts = manifest["timeouts"]?.AsObject();
        TimeSpan Seconds(string name, TimeSpan fallback) =>
            timeouts?[name] is JsonValue value ? TimeSpan.FromSeconds(value.GetValue<double>()) : fallback;

        return defaults with
        {
            Command = ManifestFile.Command(manifest, manifestPath, commandLine, "dcv-extension", workingDirectory, environment),
            Environment = environment,
            Name = manifest["name"]?.GetValue<string>() ?? defaults.Name,
            Namespace = manifest["virtualChannelNamespace"]?.GetValue<string>() ?? defaults.Namespace,
            Channels = manifest["channels"]?.GetValue<int>() ?? defaults.Channels,
            Session = Seconds("sessionSeconds", defaults.Session),
            Quiet = Seconds("quietSeconds", defaults.Quiet),
            Exit = Seconds("exitSeconds", defaults.Exit),
        };
    }
}

using Conformance.Dcv.Manifest;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>A temporary folder holding one DCV manifest, deleted with it.</summary>
internal sealed class ManifestFolder : IDisposable
{
    public ManifestFolder(string name, string? @namespace, string? path = null)
    {
        Folder = Directory.CreateTempSubdirectory("dcv-manifest-").FullName;
        ManifestPath = Path.Combine(Folder, "manifest.json");
        File.WriteAllText(ManifestPath, new DcvExtensionManifest
        {
            Name = name,
            Description = "written by a test",
            Path = path,
            StartOnServer = true,
            VirtualChannelNamespace = @namespace,
        }.ToJson());
    }

    public string Folder { get; }

    public string ManifestPath { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

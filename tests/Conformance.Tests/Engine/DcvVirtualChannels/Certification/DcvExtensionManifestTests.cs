using Conformance.Engine.DcvVirtualChannels.Certification;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.DcvVirtualChannels.Certification;

public class DcvExtensionManifestTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    [Test]
    public void Without_a_manifest_the_command_after_the_dashes_runs_with_the_defaults()
    {
        var target = DcvExtensionManifest.Read(null, ["/bin/true"], Schemas.Value, Path.GetTempPath());

        Assert.That(target.Command, Is.EqualTo(new[] { "/bin/true" }));
        Assert.That(target.Namespace, Is.EqualTo("conformance"));
        Assert.That(target.Channels, Is.EqualTo(5));
        Assert.That(target.Session, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(target.Exit, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Takes_the_name_namespace_channels_and_deadlines_the_manifest_sets()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var manifest = Path.Combine(folder.FullName, "extension.json");
            File.WriteAllText(manifest, """{ "command": ["/bin/true"], "name": "mine", "virtualChannelNamespace": "example", "channels": 6, "timeouts": { "sessionSeconds": 4, "quietSeconds": 0.5, "exitSeconds": 2 } }""");

            var target = DcvExtensionManifest.Read(manifest, [], Schemas.Value, Path.GetTempPath());

            Assert.That(target.Name, Is.EqualTo("mine"));
            Assert.That(target.Namespace, Is.EqualTo("example"));
            Assert.That(target.Channels, Is.EqualTo(6));
            Assert.That(target.Session, Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(target.Quiet, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(target.Exit, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(target.WorkingDirectory, Is.EqualTo(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Refuses_a_command_given_twice_and_a_reserved_namespace_naming_the_schema()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var twice = Path.Combine(folder.FullName, "twice.json");
            File.WriteAllText(twice, """{ "command": ["/bin/true"] }""");
            var reserved = Path.Combine(folder.FullName, "reserved.json");
            File.WriteAllText(reserved, """{ "virtualChannelNamespace": "dcv" }""");

            Assert.That(() => DcvExtensionManifest.Read(twice, ["/bin/true"], Schemas.Value, folder.FullName),
                Throws.TypeOf<ManifestException>().With.Message.Contains("given twice"));
            Assert.That(() => DcvExtensionManifest.Read(reserved, ["/bin/true"], Schemas.Value, folder.FullName),
                Throws.TypeOf<ManifestException>().With.Message.Contains("dcv-extension-manifest.schema.json"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

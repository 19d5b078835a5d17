using System.Text.Json;
using Conformance.Dcv.Manifest;

namespace Conformance.Tests.Dcv.Manifest;

public class DcvExtensionManifestTests
{
    [Test]
    public void Reads_the_manifest_s_snake_case_members()
    {
        var manifest = DcvExtensionManifest.Parse("""
            {
              "name": "echo", "description": "echoes", "path": "bin/echo",
              "start_on_server": true, "start_on_client": false,
              "virtual_channel_namespace": "example.echo",
              "userdata": { "level": 3 }
            }
            """);

        Assert.That((manifest.Name, manifest.Description, manifest.Path, manifest.StartOnServer, manifest.StartOnClient, manifest.VirtualChannelNamespace),
            Is.EqualTo(("echo", "echoes", "bin/echo", true, false, "example.echo")));
        Assert.That(manifest.UserData!.Value.GetProperty("level").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public void Writes_what_it_reads()
    {
        var manifest = new DcvExtensionManifest { Name = "echo", VirtualChannelNamespace = "ns", StartOnClient = true };

        Assert.That(DcvExtensionManifest.Parse(manifest.ToJson()), Is.EqualTo(manifest).Using<DcvExtensionManifest>((a, b) => a.ToJson() == b.ToJson()));
        Assert.That(manifest.ToJson(), Does.Contain("\"virtual_channel_namespace\":\"ns\"").And.Not.Contain("userdata"));
    }

    [Test]
    public void Refuses_a_manifest_that_is_not_an_object()
    {
        Assert.That(() => DcvExtensionManifest.Parse("null"), Throws.InstanceOf<JsonException>());
        Assert.That(() => DcvExtensionManifest.Parse("[1]"), Throws.InstanceOf<JsonException>());
    }
}

using Conformance.Engine.Modules;
using Conformance.Engine.PipeMessaging.Certification;
using Conformance.Engine.Validation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.PipeMessaging.Certification;

public class PipeRoleManifestTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    [Test]
    public void Takes_the_role_s_defaults_and_the_deadlines_the_manifest_sets()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var manifest = Path.Combine(folder.FullName, "service.json");
            File.WriteAllText(manifest, """{ "command": ["/bin/true", "--pipe", "{pipe}"], "timeouts": { "handshakeSeconds": 1.5, "readySeconds": 20 } }""");

            var target = PipeRoleManifest.Read(PipeRoles.EventPipeService, manifest, [], Schemas.Value, folder.FullName);

            Assert.That(target.Command, Is.EqualTo(new[] { "/bin/true", "--pipe", "{pipe}" }));
            Assert.That(target.Timeout(TimeoutNames.Handshake), Is.EqualTo(TimeSpan.FromSeconds(1.5)));
            Assert.That(target.Timeout(TimeoutNames.Ready), Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(target.Timeout(TimeoutNames.Confirmation), Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(target.Tolerance, Is.EqualTo(new Tolerance(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(50))));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Refuses_a_deadline_another_role_has_and_a_pipe_variable_naming_the_schema()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var manifest = Path.Combine(folder.FullName, "server.json");
            File.WriteAllText(manifest, """{ "timeouts": { "handshakeSeconds": 1 }, "environment": { "CONFORMANCE_COMMAND_PIPE_NAME": "mine" } }""");

            var error = Assert.Throws<ManifestException>(() => PipeRoleManifest.Read(PipeRoles.CommandPipeServer, manifest, ["/bin/true"], Schemas.Value, folder.FullName));

            Assert.That(error!.Message, Does.Contain("schemas/conformance/command-pipe-server-manifest.schema.json"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Refuses_a_command_given_twice()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var manifest = Path.Combine(folder.FullName, "client.json");
            File.WriteAllText(manifest, """{ "command": ["/bin/true"] }""");

            var error = Assert.Throws<ManifestException>(() => PipeRoleManifest.Read(PipeRoles.CommandPipeClient, manifest, ["/bin/true"], Schemas.Value, folder.FullName));

            Assert.That(error!.Message, Does.Contain("given twice"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

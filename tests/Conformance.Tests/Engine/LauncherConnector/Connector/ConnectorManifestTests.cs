using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.LauncherConnector.Connector;

public class ConnectorManifestTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    private static string Write(string json)
    {
        var folder = Directory.CreateTempSubdirectory("manifest").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "bin"));
        var path = Path.Combine(folder, "connector.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Test]
    public void Reads_every_member_with_the_working_directory_relative_to_the_manifest()
    {
        var path = Write("""
            { "command": ["dotnet", "c.dll"], "workingDirectory": "bin", "environment": { "LOG": "debug" },
              "launchable": { "host": "h1" }, "failing": { "host": "h2.invalid" },
              "timeouts": { "connectSeconds": 2.5, "windowLifetimeSeconds": 0.5 } }
            """);

        var target = ConnectorManifest.Read(path, [], Schemas.Value, "/");

        Assert.That(target.Command, Is.EqualTo(new[] { "dotnet", "c.dll" }));
        Assert.That(target.WorkingDirectory, Is.EqualTo(Path.Combine(Path.GetDirectoryName(path)!, "bin")));
        Assert.That(target.Environment["LOG"], Is.EqualTo("debug"));
        Assert.That(target.Timeouts.Connect, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(target.Timeouts.Exit, Is.EqualTo(TimeSpan.FromSeconds(10)), "the default where the manifest says nothing");
        Assert.That(ConfigurationFactory.Failing(target, Guid.Empty)["host"]!.GetValue<string>(), Is.EqualTo("h2.invalid"));
        Assert.That(ConfigurationFactory.Launchable(target, Guid.Empty)["host"]!.GetValue<string>(), Is.EqualTo("h1"));
    }

    [Test]
    public void Uses_the_defaults_of_the_design_without_a_manifest()
    {
        var target = ConnectorManifest.Read(null, ["dotnet", "c.dll"], Schemas.Value, Path.GetTempPath());
        var launchable = ConfigurationFactory.Launchable(target, Guid.Empty);
        var failing = ConfigurationFactory.Failing(target, Guid.Empty);

        Assert.That(launchable["host"]!.GetValue<string>(), Is.EqualTo("localhost"));
        Assert.That(launchable["resource"]!.GetValue<string>(), Is.EqualTo("desktop"));
        Assert.That(launchable["username"]!.GetValue<string>(), Is.EqualTo("conformance-user"));
        Assert.That(launchable["domain"]!.GetValue<string>(), Is.EqualTo("CONFORMANCE"));
        Assert.That(launchable["accountCustomFields"]!["department"]!.GetValue<string>(), Is.EqualTo("QA"));
        Assert.That(launchable["password"]!.GetValue<string>(), Has.Length.EqualTo(24));
        Assert.That(launchable["accountSecureFields"]!["pin"]!.GetValue<string>(), Has.Length.EqualTo(24));
        Assert.That(failing["host"]!.GetValue<string>(), Is.EqualTo("unreachable.invalid"));
        Assert.That(target.Timeouts, Is.EqualTo(new ConnectorTimeouts()));
    }

    [TestCase("""{ "command": ["dotnet"] }""", new[] { "x" }, "given twice")]
    [TestCase("""{}""", new string[0], "No connector to certify")]
    [TestCase("""{ "environment": { "VSI_IPC_PIPE_NAME": "x" } }""", new[] { "dotnet" }, "not valid")]
    [TestCase("""{ "environment": { "TMPDIR": "/var/tmp" } }""", new[] { "dotnet" }, "not valid")]
    [TestCase("""{ "timeouts": { "connectSeconds": -1 } }""", new[] { "dotnet" }, "$.timeouts.connectSeconds")]
    [TestCase("""{ "workingDirectory": "nowhere" }""", new[] { "dotnet" }, "does not exist")]
    [TestCase("""{ }""", new[] { "./no-such-connector" }, "does not exist")]
    [TestCase("""{ }""", new[] { "no-such-connector-on-path" }, "Cannot find no-such-connector-on-path on the PATH")]
    [TestCase("""{ "command": ["dotnet"], """, new string[0], "not valid")]
    public void Refuses_what_cannot_be_certified_saying_why(string manifest, string[] command, string message)
    {
        var error = Assert.Throws<ManifestException>(() => ConnectorManifest.Read(Write(manifest), command, Schemas.Value, "/"));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void Removes_a_default_secure_field_given_as_null()
    {
        var target = ConnectorManifest.Read(Write("""{ "launchable": { "accountSecureFields": { "pin": null, "token": "t" } } }"""), ["dotnet"], Schemas.Value, "/");

        var secure = ConfigurationFactory.Launchable(target, Guid.Empty)["accountSecureFields"]!.AsObject();

        Assert.That(secure.Select(pair => pair.Key), Is.EqualTo(new[] { "token" }));
        Assert.That(ConfigurationFactory.SecretsOf(ConfigurationFactory.Launchable(target, Guid.Empty)).Select(secret => secret.Value), Does.Contain("t"));
    }
}

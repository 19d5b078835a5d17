using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.LauncherConnector.Connector;

/// <summary>Issue 7: a leaked secret is named — which field, in which encoding, where — and its value is never shown.</summary>
public class SecretJudgeTests
{
    [Test]
    public async Task Names_the_leaked_field_its_encoding_and_where_without_showing_it()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var folder = Directory.CreateTempSubdirectory("secret").FullName;
        try
        {
            var code = await ConformanceCommand.RunAsync(
                ["certify", "connector", "--tags", "@req:LC-C09", "--root", Project.Layout.Root, "--report", folder, "--",
                    python, Path.Combine(Project.Layout.Root, "tests", "fixtures", "python", "leaks_password_to_stderr.py")],
                new StringWriter(), new StringWriter());

            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json")))!;
            var actuals = results["scenarios"]!.AsArray()
                .SelectMany(scenario => scenario!["violations"]?.AsArray() ?? [])
                .Select(violation => violation!["actual"]!.GetValue<string>())
                .ToList();

            Assert.That(code, Is.EqualTo(1));
            Assert.That(actuals, Has.Some.EqualTo("the password appears verbatim in standard error"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

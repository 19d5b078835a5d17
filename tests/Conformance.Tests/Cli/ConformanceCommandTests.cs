using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Cli;

public class ConformanceCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ConformanceCommand.RunAsync([.. args, "--root", Project.Layout.Root], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Runs_a_tag_selection_and_writes_results_for_exactly_its_requirements()
    {
        var report = Directory.CreateTempSubdirectory("cli").FullName;
        try
        {
            var (code, output, _) = await Run("run", "--tags", "@req:LC-L07 or @req:LC-L10", "--report", report);

            var results = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "results.json")))!;
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(results["target"]!["role"]!.GetValue<string>(), Is.EqualTo("reference"));
            Assert.That(results["target"]!["command"], Is.Null);
            Assert.That(results["requirements"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "LC-L07", "LC-L10" }));
            Assert.That(results["summary"]!["passed"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(output, Does.Contain("CONFORMANT"));
        }
        finally
        {
            Directory.Delete(report, recursive: true);
        }
    }

    [TestCase(new[] { "run", "--tags", "@req:LC-L07 and" }, "--tags")]
    [TestCase(new[] { "run", "--parallel", "0" }, "--parallel must be at least 1")]
    [TestCase(new[] { "run", "--accept" }, "give --snapshots too")]
    [TestCase(new[] { "run", "--tags", "@req:NO-SUCH" }, "No scenario matches")]
    [TestCase(new[] { "run", "--no-such-option" }, "--no-such-option")]
    [TestCase(new[] { "frobnicate" }, "frobnicate")]
    public async Task Exits_2_with_a_message_on_bad_input(string[] args, string message)
    {
        var (code, _, error) = await Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task Exits_2_when_the_features_cannot_be_found()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await ConformanceCommand.RunAsync(["run", "--root", Path.GetTempPath()], output, error);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("features/ and schemas/"));
    }

    [Test]
    public async Task Lists_the_scenarios_and_requirements_a_run_would_execute_without_running_them()
    {
        var (code, output, _) = await Run("list", "--role", "connector");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("features/launcher-connector/connector-secrets.feature"));
        Assert.That(output, Does.Contain("LC-C09").And.Not.Contain("LC-L01"));
    }
}

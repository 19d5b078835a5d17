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
        // --root goes before "--": what follows it is the connector's own command line.
        var dashes = Array.IndexOf(args, "--");
        string[] withRoot = dashes < 0
            ? [.. args, "--root", Project.Layout.Root]
            : [.. args[..dashes], "--root", Project.Layout.Root, .. args[dashes..]];
        var code = await ConformanceCommand.RunAsync(withRoot, output, error);
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

    [Test]
    public async Task Certify_exits_2_when_the_command_is_given_both_in_the_manifest_and_after_the_dashes()
    {
        var manifest = Path.Combine(Directory.CreateTempSubdirectory("cli").FullName, "m.json");
        await File.WriteAllTextAsync(manifest, """{ "command": ["dotnet"] }""");

        var (code, _, error) = await Run("certify", "connector", "--manifest", manifest, "--", "dotnet", "x.dll");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("given twice"));
    }

    [Test]
    public async Task Certify_exits_2_without_a_connector_and_for_a_role_it_does_not_know()
    {
        var (noConnector, _, error) = await Run("certify", "connector");
        var (unknownRole, _, _) = await Run("certify", "toaster", "--", "dotnet");

        Assert.That(noConnector, Is.EqualTo(2));
        Assert.That(error, Does.Contain("No connector to certify"));
        Assert.That(unknownRole, Is.EqualTo(2));
    }

    [Test]
    public async Task Certify_narrows_to_tags_and_reports_the_connector_as_the_target()
    {
        var report = Directory.CreateTempSubdirectory("cli").FullName;
        try
        {
            var (code, output, _) = await Run("certify", "connector", "--tags", "@req:LC-C01", "--report", report,
                "--", "dotnet", Path.Combine(AppContext.BaseDirectory, "ReferenceConnector.dll"));

            var results = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "results.json")))!;
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(results["target"]!["role"]!.GetValue<string>(), Is.EqualTo("connector"));
            Assert.That(results["target"]!["command"]!.AsArray(), Has.Count.EqualTo(2), "everything after -- and only that is the connector's command");
            Assert.That(results["requirements"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "LC-C01" }));
            Assert.That(File.ReadAllText(Path.Combine(report, "report.html")), Does.Contain("CONFORMANT"));
        }
        finally
        {
            Directory.Delete(report, recursive: true);
        }
    }

    [Test]
    public async Task Certify_under_strict_fails_a_connector_that_only_misses_a_SHOULD()
    {
        var report = Directory.CreateTempSubdirectory("cli").FullName;
        try
        {
            var command = new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "MisbehavingConnector.dll"), "bom-and-crlf" };
            var (lenient, _, _) = await Run(["certify", "connector", "--tags", "@req:LC-C03", "--report", report, "--", .. command]);
            var (strict, _, _) = await Run(["certify", "connector", "--tags", "@req:LC-C03", "--strict", "--report", report, "--", .. command]);

            Assert.That(lenient, Is.EqualTo(0));
            Assert.That(strict, Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(report, recursive: true);
        }
    }

    [Test]
    public async Task Certify_compares_with_the_vendors_approved_transcripts_and_approves_them_with_accept()
    {
        var folder = Directory.CreateTempSubdirectory("cli").FullName;
        try
        {
            var snapshots = Path.Combine(folder, "approved");
            string[] certify = ["certify", "connector", "--tags", "@req:LC-C08", "--report", Path.Combine(folder, "report"), "--snapshots", snapshots];
            string[] connector = ["--", "dotnet", Path.Combine(AppContext.BaseDirectory, "ReferenceConnector.dll")];

            var (unapproved, _, _) = await Run([.. certify, .. connector]);
            var (accepted, _, _) = await Run([.. certify, "--accept", .. connector]);
            var (matched, output, _) = await Run([.. certify, .. connector]);

            Assert.That(unapproved, Is.EqualTo(3), "conformant, but no approved transcript yet");
            Assert.That(accepted, Is.EqualTo(0));
            Assert.That(matched, Is.EqualTo(0), output);
            Assert.That(Directory.EnumerateFiles(snapshots, "*.verified.json", SearchOption.AllDirectories).Count(), Is.EqualTo(1));
            Assert.That(Directory.EnumerateFiles(snapshots, "*.received.json", SearchOption.AllDirectories), Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Docs_writes_the_site_with_a_runs_outcomes_says_what_it_wrote_and_can_write_it_again()
    {
        var folder = Directory.CreateTempSubdirectory("docs").FullName;
        try
        {
            var report = Path.Combine(folder, "report");
            Directory.CreateDirectory(report);
            await File.WriteAllTextAsync(Path.Combine(report, "results.json"), Engine.Documentation.GeneratedSites.LastRunOfACSharpConnector);
            var site = Path.Combine(folder, "site");

            var (code, output, error) = await Run("docs", "--results", report, "--out", site);

            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain($"Wrote the living documentation to {site}").And.Contain($"{Conformance.Engine.Requirements.RequirementCatalog.Load(Conformance.Tests.Support.Project.Layout.Features).Requirements.Count} requirements").And.Contain("sequence diagrams").And.Contain("with the outcomes of"));
            Assert.That(File.ReadAllText(Path.Combine(site, "requirements", "LC-C03.html")), Does.Contain("outcome outcome-non-strict"));
            Assert.That(File.Exists(Path.Combine(site, ".conformance-docs")));

            var (again, _, againError) = await Run("docs", "--out", site);
            Assert.That(again, Is.EqualTo(0), againError);
            Assert.That(File.ReadAllText(Path.Combine(site, "requirements", "LC-C03.html")), Does.Not.Contain("outcome outcome-non-strict"), "written again without results");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "an executable file that is not a program is a Unix notion")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_connector_the_system_cannot_run_fails_LC_C01_at_once_in_the_system_s_own_words()
    {
        var folder = Directory.CreateTempSubdirectory("unrunnable").FullName;
        try
        {
            var connector = Path.Combine(folder, "connector");
            await File.WriteAllBytesAsync(connector, [0x00, 0x01, 0x02, 0x03]);
            File.SetUnixFileMode(connector, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var (code, output, _) = await Run("certify", "connector", "--report", Path.Combine(folder, "report"), "--", connector);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("failed: LC-C01").And.Contain("Exec format error"));
            Assert.That(output, Does.Not.Contain("ErrorStartingProcess"), "the reason in words, not a resource key");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

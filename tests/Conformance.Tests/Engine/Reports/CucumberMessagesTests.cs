using System.Text.Json.Nodes;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Reports;

/// <summary>Issue 10: messages.ndjson is Cucumber's message stream of the run, in the order Cucumber's tools read it.</summary>
public class CucumberMessagesTests
{
    private static async Task<List<JsonObject>> RunAndReadAsync(params string[] args)
    {
        var (code, envelopes) = await RunAsync(args, []);
        Assert.That(code, Is.AnyOf(0, 1));
        return envelopes;
    }

    // The command's options, then --root and --report, then what follows "--": the executable's own command line.
    private static async Task<(int Code, List<JsonObject> Envelopes)> RunAsync(string[] options, string[] command)
    {
        var folder = Directory.CreateTempSubdirectory("messages").FullName;
        try
        {
            var code = await ConformanceCommand.RunAsync([.. options, "--root", Project.Layout.Root, "--report", folder, .. command], new StringWriter(), new StringWriter());
            return (code, File.ReadAllLines(Path.Combine(folder, "messages.ndjson")).Select(line => JsonNode.Parse(line)!.AsObject()).ToList());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Streams_meta_then_sources_documents_and_pickles_then_every_test_case_with_its_steps()
    {
        var envelopes = await RunAndReadAsync("run", "--tags", "@req:LC-L07 or @req:LC-L11");
        var kinds = envelopes.Select(envelope => envelope.Single().Key).ToList();

        Assert.That(kinds[0], Is.EqualTo("meta"));
        Assert.That(kinds.IndexOf("source"), Is.LessThan(kinds.IndexOf("gherkinDocument")));
        Assert.That(kinds.LastIndexOf("pickle"), Is.LessThan(kinds.IndexOf("testRunStarted")));
        Assert.That(kinds[^1], Is.EqualTo("testRunFinished"));
        var pickles = envelopes.Where(envelope => envelope.ContainsKey("pickle")).Select(envelope => envelope["pickle"]!["id"]!.GetValue<string>()).ToList();
        var cases = envelopes.Where(envelope => envelope.ContainsKey("testCase")).Select(envelope => envelope["testCase"]!).ToList();
        Assert.That(cases.Select(testCase => testCase["pickleId"]!.GetValue<string>()), Is.EquivalentTo(pickles), "one test case per pickle");
        Assert.That(pickles, Has.Count.EqualTo(8));
        var results = envelopes.Where(envelope => envelope.ContainsKey("testStepFinished")).Select(envelope => envelope["testStepFinished"]!["testStepResult"]!["status"]!.GetValue<string>());
        Assert.That(results, Is.All.EqualTo("PASSED"));
        Assert.That(envelopes.Count(envelope => envelope.ContainsKey("testCaseFinished")), Is.EqualTo(8));
        Assert.That(envelopes[^1]["testRunFinished"]!["success"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Marks_an_undefined_step_undefined_and_the_run_unsuccessful()
    {
        var root = Directory.CreateTempSubdirectory("undefined-root").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "features", "launcher-connector"));
            File.Copy(Path.Combine(Project.Layout.Features, "launcher-connector", "requirements.json"), Path.Combine(root, "features", "launcher-connector", "requirements.json"));
            File.WriteAllText(Path.Combine(root, "features", "launcher-connector", "x.feature"),
                "@role:launcher @req:LC-L11\nFeature: x\n  Scenario: nobody binds this\n    Given a Launcher session whose connector uses the pipe\n    Then the moon is made of cheese\n");
            CopyDirectory(Project.Layout.Schemas, Path.Combine(root, "schemas"));
            var folder = Path.Combine(root, "report");

            await ConformanceCommand.RunAsync(["run", "--root", root, "--report", folder], new StringWriter(), new StringWriter());

            var envelopes = File.ReadAllLines(Path.Combine(folder, "messages.ndjson")).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
            var statuses = envelopes.Where(envelope => envelope.ContainsKey("testStepFinished")).Select(envelope => envelope["testStepFinished"]!["testStepResult"]!["status"]!.GetValue<string>()).ToList();
            Assert.That(statuses, Does.Contain("UNDEFINED"));
            Assert.That(envelopes[^1]["testRunFinished"]!["success"]!.GetValue<bool>(), Is.False);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task A_certification_streams_failed_skipped_and_non_strict_steps_and_strict_fails_the_non_strict_ones()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        string[] connector = ["--", python, Path.Combine(Project.Layout.Root, "tests", "fixtures", "python", "crashes_mid_line.py")];
        string[] selection = ["certify", "connector", "--tags", "@req:LC-C02 or @req:LC-C07 or @req:LC-C12"];

        var relaxed = Statuses(await CertifyAndReadAsync([.. selection, "--parallel", "4"], connector));
        var strict = Statuses(await CertifyAndReadAsync([.. selection, "--parallel", "4", "--strict"], connector));

        Assert.That(relaxed.Statuses, Does.Contain("FAILED").And.Contain("SKIPPED"), "LC-C02 failed; LC-C12 skipped for want of a window");
        Assert.That(relaxed.Notes, Has.Some.StartsWith("non-strict: "), "a missed SHOULD passes its step, with an attachment saying so");
        Assert.That(relaxed.Success, Is.False);
        Assert.That(strict.Notes, Has.None.StartsWith("non-strict: "), "under --strict nothing is merely non-strict");
        Assert.That(strict.Statuses.Count(status => status == "FAILED"), Is.GreaterThan(relaxed.Statuses.Count(status => status == "FAILED")), "the LC-C07 step fails under --strict");
    }

    private static async Task<List<JsonObject>> CertifyAndReadAsync(string[] options, string[] command)
    {
        var (code, envelopes) = await RunAsync(options, command);
        Assert.That(code, Is.EqualTo(1));
        return envelopes;
    }

    private static (List<string> Statuses, List<string> Notes, bool Success) Statuses(List<JsonObject> envelopes) => (
        envelopes.Where(envelope => envelope.ContainsKey("testStepFinished")).Select(envelope => envelope["testStepFinished"]!["testStepResult"]!["status"]!.GetValue<string>()).ToList(),
        envelopes.Where(envelope => envelope.ContainsKey("attachment") && envelope["attachment"]!["mediaType"]!.GetValue<string>() == "text/plain")
            .Select(envelope => envelope["attachment"]!["body"]!.GetValue<string>()).ToList(),
        envelopes[^1]["testRunFinished"]!["success"]!.GetValue<bool>());

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
